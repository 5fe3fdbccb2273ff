import type { RegionLevel } from '@huishang/schema';

const significantDigits: Partial<Record<RegionLevel, number>> = { PROVINCE: 2, CITY: 4, COUNTY: 6 };

/**
 * The code prefix shared by a committee's region and everything under it (GB/T 2260:
 * province 33, city 3305, county 330503), so a subtree is one `startsWith` filter.
 */
export function subtreePrefix(region: { code: string; level: RegionLevel }): string {
  return region.code.slice(0, significantDigits[region.level] ?? region.code.length);
}
