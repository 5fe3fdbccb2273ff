import { nextLevelUnder, subtreePrefix } from '@huishang/schema';

/**
 * The `where` on a record's owner region: the region alone, or with its whole subtree,
 * which a city or province node holds as replicas.
 */
export function regionWhere(region: string, includeSubregions?: boolean | null) {
  return includeSubregions ? { region: { startsWith: subtreePrefix(region) } } : { region };
}

export interface StatisticsReport<S> {
  total: S;
  byRegion: S[];
}

/**
 * Consolidated figures: `summarize` turns rows (already counted by the database, one per
 * owner region and whatever else they group by) into one region's figures; the report
 * has the whole subtree and one entry per region one level down, in code order.
 */
export function reportByNextLevel<R extends { region: string }, S>(
  asked: string,
  rows: R[],
  summarize: (region: string, rows: R[]) => S,
): StatisticsReport<S> {
  const groups = new Map<string, R[]>();
  // thousands of rows from about a hundred regions: each region is placed once
  const levels = new Map<string, string>();
  for (const row of rows) {
    let key = levels.get(row.region);
    if (key === undefined) {
      key = nextLevelUnder(row.region, asked);
      levels.set(row.region, key);
    }
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return {
    total: summarize(asked, rows),
    byRegion: [...groups.keys()].toSorted().map((key) => summarize(key, groups.get(key) ?? [])),
  };
}

/** A list's region argument: one region, or with its sub-regions. */
export interface RegionScope {
  region: string;
  includeSubregions?: boolean | null;
}
