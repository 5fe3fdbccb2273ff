import { describe, expect, it } from 'vitest';
import { summariseMembers } from './statistics.js';

describe('member statistics', () => {
  it('counts members by sector in Chinese order and by committee level', () => {
    const rows = [
      { region: '330503', sector: '经济界', count: 3 },
      { region: '330503', sector: '农业界', count: 2 },
      { region: '330500', sector: '经济界', count: 4 },
      { region: '330500', sector: '教育界', count: 1 },
    ];
    expect(summariseMembers('330500', rows)).toEqual({
      region: { code: '330500', name: '湖州市', level: 'CITY', parentCode: '330000' },
      total: 10,
      bySector: [
        { sector: '教育界', count: 1 },
        { sector: '经济界', count: 7 },
        { sector: '农业界', count: 2 },
      ],
      byLevel: [
        { level: 'CITY', count: 5 },
        { level: 'COUNTY', count: 5 },
      ],
    });
  });
});
