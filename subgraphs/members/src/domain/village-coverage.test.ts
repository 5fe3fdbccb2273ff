import type { Region } from '@huishang/schema';
import { describe, expect, it } from 'vitest';
import { villageCoverage } from './village-coverage.js';

const town = (code: string, name: string): Region => ({
  code,
  name,
  level: 'TOWN',
  parentCode: code.slice(0, 6),
});
const village = (code: string, name: string): Region => ({
  code,
  name,
  level: 'VILLAGE',
  parentCode: code.slice(0, 9),
});

const lianshi = town('330503102', '练市镇');
const shanlian = town('330503104', '善琏镇');
const towns = [
  {
    town: lianshi,
    villages: [village('330503102201', '荃步村'), village('330503102202', '朱家兜村')],
  },
  { town: shanlian, villages: [village('330503104201', '含山村')] },
];

describe('village coverage (一村一委员)', () => {
  it('counts villages with a member linked and lists those without, by code', () => {
    const coverage = villageCoverage(towns, ['330503102202', '330503102202', '330503999999']);
    expect(coverage.total).toBe(3);
    expect(coverage.covered).toBe(1);
    expect(coverage.uncovered.map((v) => v.name)).toEqual(['荃步村', '含山村']);
    expect(coverage.byTown).toEqual([
      { town: lianshi, total: 2, covered: 1 },
      { town: shanlian, total: 1, covered: 0 },
    ]);
  });

  it('is complete when every village has a member', () => {
    const all = towns.flatMap((t) => t.villages.map((v) => v.code));
    expect(villageCoverage(towns, all)).toMatchObject({ total: 3, covered: 3, uncovered: [] });
  });
});
