import { getCommitteeRegion, type RegionLevel } from '@huishang/schema';
import type { DutyKind } from '../generated/prisma/enums.js';
import { dutyKinds } from './duty-score.js';

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

/**
 * Member activity counted by the database, per committee region: members of one duty
 * score (and how many of them have a record), or duty records of one kind.
 */
export type ActivityRow =
  | { region: string; score: number; members: number; active: number }
  | { region: string; kind: DutyKind; records: number };

/** The median of a histogram of values (value → how many), none when it is empty. */
export function medianOf(histogram: { value: number; count: number }[]): number | null {
  const sorted = histogram.filter((h) => h.count > 0).toSorted((a, b) => a.value - b.value);
  const n = sorted.reduce((sum, h) => sum + h.count, 0);
  if (n === 0) return null;
  // the values at positions ⌊(n-1)/2⌋ and ⌊n/2⌋ (0-based): one value when n is odd
  const at = (position: number) => {
    let seen = 0;
    for (const h of sorted) {
      seen += h.count;
      if (position < seen) return h.value;
    }
    return Number.NaN;
  };
  return (at(Math.floor((n - 1) / 2)) + at(Math.floor(n / 2))) / 2;
}

/** A region's member activity: coverage, average and median score, records by kind. */
export function summariseActivity(region: string, rows: ActivityRow[]) {
  let members = 0;
  let active = 0;
  let points = 0;
  const histogram: { value: number; count: number }[] = [];
  const records = new Map<DutyKind, number>();
  for (const row of rows) {
    if ('kind' in row) records.set(row.kind, (records.get(row.kind) ?? 0) + row.records);
    else {
      members += row.members;
      active += row.active;
      points += row.score * row.members;
      histogram.push({ value: row.score, count: row.members });
    }
  }
  return {
    region: getCommitteeRegion(region),
    members,
    active,
    coverage: members ? active / members : null,
    averageScore: members ? points / members : null,
    medianScore: medianOf(histogram),
    byKind: dutyKinds
      .filter((kind) => records.has(kind))
      .map((kind) => ({ kind, count: records.get(kind) ?? 0 })),
  };
}
