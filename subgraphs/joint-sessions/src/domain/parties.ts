import { getCommitteeRegion } from '@huishang/schema';
import { requireText } from '@huishang/subgraph-kit';
import {
  DuplicatePartyError,
  HostAsPartnerError,
  NoPartnerError,
  PartiesDoNotFitKindError,
} from '../errors.js';
import type { JointPartyRole, JointSessionKind } from '../generated/prisma/enums.js';

export interface PartyInput {
  region: string;
  committee: string;
}

export interface PartyFields {
  region: string;
  committee: string;
  role: JointPartyRole;
}

// Region codes are hierarchical: the first two digits name the province.
const provinceOf = (code: string) => `${code.slice(0, 2)}0000`;

function fitsKind(kind: JointSessionKind, host: string, partners: string[]): boolean {
  const hostProvince = provinceOf(host);
  switch (kind) {
    case 'CROSS_PROVINCE':
      return partners.some((p) => provinceOf(p) !== hostProvince);
    case 'CROSS_REGION':
      return partners.every((p) => provinceOf(p) === hostProvince);
    case 'THREE_LEVEL': {
      const all = [host, ...partners];
      const levels = new Set(all.map((code) => getCommitteeRegion(code).level));
      return all.every((p) => provinceOf(p) === hostProvince) && levels.size === 3;
    }
  }
}

/**
 * The parties of a new joint session, host first: every region a known committee
 * (province, city or county), at least one partner, none twice, and the mix the kind needs.
 */
export function buildParties(
  kind: JointSessionKind,
  host: PartyInput,
  partners: PartyInput[],
): PartyFields[] {
  getCommitteeRegion(host.region);
  if (partners.length === 0) throw new NoPartnerError();
  const seen = new Set<string>();
  for (const partner of partners) {
    getCommitteeRegion(partner.region);
    if (partner.region === host.region) throw new HostAsPartnerError(host.region);
    if (seen.has(partner.region)) throw new DuplicatePartyError(partner.region);
    seen.add(partner.region);
  }
  if (!fitsKind(kind, host.region, [...seen]))
    throw new PartiesDoNotFitKindError(kind, [host.region, ...seen]);
  const party = (p: PartyInput, role: JointPartyRole): PartyFields => ({
    region: p.region,
    committee: requireText('committee', p.committee, 50),
    role,
  });
  return [party(host, 'HOST'), ...partners.map((p) => party(p, 'PARTNER'))];
}
