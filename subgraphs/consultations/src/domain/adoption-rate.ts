import type { Adoption } from '../generated/prisma/enums.js';

/**
 * 采纳率: suggestions adopted in whole or in part over all suggestions recorded, pending
 * ones included (they are not adopted yet). Null when there is nothing to rate.
 */
export function adoptionRate(adoptions: readonly Adoption[]): number | null {
  if (adoptions.length === 0) return null;
  const adopted = adoptions.filter((a) => a === 'ADOPTED' || a === 'PARTLY_ADOPTED').length;
  return adopted / adoptions.length;
}
