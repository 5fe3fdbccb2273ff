import { describe, expect, it } from 'vitest';
import { medianOf, summariseActivity, summariseMembers } from './statistics.js';

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

describe('member activity', () => {
  it('takes the median of a histogram, the mean of the middle two when even', () => {
    expect(medianOf([])).toBeNull();
    expect(medianOf([{ value: 0, count: 0 }])).toBeNull();
    expect(
      medianOf([
        { value: 18, count: 1 },
        { value: 0, count: 2 },
      ]),
    ).toBe(0);
    expect(
      medianOf([
        { value: 0, count: 2 },
        { value: 10, count: 1 },
        { value: 18, count: 1 },
      ]),
    ).toBe(5);
    expect(medianOf([{ value: 7, count: 4 }])).toBe(7);
  });

  it('counts members, the active ones, their scores and records by kind', () => {
    const rows = [
      { region: '330503', score: 0, members: 2, active: 0 },
      { region: '330503', score: 18, members: 1, active: 1 },
      { region: '330500', score: 3, members: 1, active: 1 },
      { region: '330503', kind: 'SPEECH' as const, records: 1 },
      { region: '330503', kind: 'PROPOSAL_LED' as const, records: 1 },
      { region: '330500', kind: 'PROPOSAL_CO_SIGNED' as const, records: 1 },
    ];
    expect(summariseActivity('330500', rows)).toEqual({
      region: { code: '330500', name: '湖州市', level: 'CITY', parentCode: '330000' },
      members: 4,
      active: 2,
      coverage: 0.5,
      averageScore: 21 / 4,
      medianScore: 1.5,
      byKind: [
        { kind: 'PROPOSAL_LED', count: 1 },
        { kind: 'PROPOSAL_CO_SIGNED', count: 1 },
        { kind: 'SPEECH', count: 1 },
      ],
    });
  });

  it('has no coverage or scores for a region without members', () => {
    expect(summariseActivity('330503', [])).toMatchObject({
      members: 0,
      active: 0,
      coverage: null,
      averageScore: null,
      medianScore: null,
      byKind: [],
    });
  });
});
