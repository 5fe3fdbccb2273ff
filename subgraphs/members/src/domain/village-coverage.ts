import type { Region } from '@huishang/schema';

/** A town and its villages, as the region registry lists them. */
export interface TownVillages {
  town: Region;
  villages: Region[];
}

export interface TownCoverage {
  town: Region;
  total: number;
  covered: number;
}

/** 一村一委员: how many of a county's villages have a member linked, and which have none. */
export interface VillageCoverage {
  total: number;
  covered: number;
  /** Villages with no member, in code order. */
  uncovered: Region[];
  byTown: TownCoverage[];
}

/** Which villages of the given towns have at least one member linked (`linked` codes). */
export function villageCoverage(towns: TownVillages[], linked: Iterable<string>): VillageCoverage {
  const linkedCodes = new Set(linked);
  const byTown = towns.map(({ town, villages }) => ({
    town,
    total: villages.length,
    covered: villages.filter((v) => linkedCodes.has(v.code)).length,
  }));
  return {
    total: byTown.reduce((sum, t) => sum + t.total, 0),
    covered: byTown.reduce((sum, t) => sum + t.covered, 0),
    uncovered: towns
      .flatMap((t) => t.villages.filter((v) => !linkedCodes.has(v.code)))
      .toSorted((a, b) => a.code.localeCompare(b.code)),
    byTown,
  };
}
