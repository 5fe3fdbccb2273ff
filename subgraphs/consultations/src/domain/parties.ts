import { type ForwardedIdentity, getCommitteeRegion } from '@huishang/schema';
import { canRead, canWrite } from '@huishang/subgraph-kit';
import { PartyRegionError } from '../errors.js';

/**
 * The other committees of a joint consultation (三级会商): known committee regions, each
 * once, not the owner. Parties reach the record through their ancestors' events, so a
 * party lies below the owner or beside it under a common ancestor; it may also be above
 * it (the province), which replicates the owner's events anyway.
 */
export function normaliseParties(owner: string, parties: readonly string[] | null | undefined) {
  const seen = new Set<string>();
  for (const party of parties ?? []) {
    try {
      getCommitteeRegion(party);
    } catch {
      throw new PartyRegionError(party, '不是政协委员会区划 / not a committee region');
    }
    if (party === owner) throw new PartyRegionError(party, '即主办方 / it is the owner');
    if (seen.has(party)) throw new PartyRegionError(party, '重复 / listed twice');
    seen.add(party);
  }
  return [...seen];
}

/** Who sees a consultation: its owner's readers, and each party's staff and readers. */
export const canSeeConsultation = (
  identity: ForwardedIdentity,
  consultation: { region: string; partyRegions: readonly string[] },
): boolean =>
  [consultation.region, ...consultation.partyRegions].some((region) => canRead(identity, region));

/** A party's office contributes, on its own node, to a consultation that lists it. */
export const canContribute = (
  identity: ForwardedIdentity,
  consultation: { partyRegions: readonly string[] },
): boolean =>
  canWrite(identity, identity.region) && consultation.partyRegions.includes(identity.region);
