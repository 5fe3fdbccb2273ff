import { getCommitteeRegion, type RegionLevel } from '@huishang/schema';

/** Members counted by the database per committee region and sector. */
export interface MemberCountRow {
  region: string;
  sector: string;
  count: number;
}

const count = <K extends string>(pairs: [K, number][]) => {
  const totals = new Map<K, number>();
  for (const [key, n] of pairs) totals.set(key, (totals.get(key) ?? 0) + n);
  return totals;
};

/** A region's member figures: by sector (in Chinese collation) and by committee level. */
export function summariseMembers(region: string, rows: MemberCountRow[]) {
  const bySector = count(rows.map((r) => [r.sector, r.count]));
  const byLevel = count(
    rows.map((r) => [getCommitteeRegion(r.region).level, r.count] as [RegionLevel, number]),
  );
  const levelOrder: RegionLevel[] = ['PROVINCE', 'CITY', 'COUNTY'];
  return {
    // this subgraph owns Region: the whole region, since no reference resolver runs here
    region: getCommitteeRegion(region),
    total: rows.reduce((n, r) => n + r.count, 0),
    bySector: [...bySector]
      .map(([sector, n]) => ({ sector, count: n }))
      .toSorted((a, b) => a.sector.localeCompare(b.sector, 'zh-Hans-CN')),
    byLevel: levelOrder
      .filter((l) => byLevel.has(l))
      .map((level) => ({ level, count: byLevel.get(level) ?? 0 })),
  };
}
