import { describe, expect, it } from 'vitest';
import { regionWhere, reportByNextLevel } from './region-scope.js';

describe('region scope', () => {
  it('filters one region or its subtree', () => {
    expect(regionWhere('330500')).toEqual({ region: '330500' });
    expect(regionWhere('330500', true)).toEqual({ region: { startsWith: '3305' } });
  });

  it('reports a province by city, the province’s own records apart', () => {
    const rows = [
      { region: '330503', count: 6 },
      { region: '330500', count: 2 },
      { region: '330482', count: 3 },
      { region: '330000', count: 1 },
    ];
    const sum = (region: string, group: typeof rows) => ({
      region,
      count: group.reduce((n, r) => n + r.count, 0),
    });
    expect(reportByNextLevel('330000', rows, sum)).toEqual({
      total: { region: '330000', count: 12 },
      byRegion: [
        { region: '330000', count: 1 },
        { region: '330400', count: 3 },
        { region: '330500', count: 8 },
      ],
    });
  });
});
