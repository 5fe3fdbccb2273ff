import type { Gender, MemberRole, Party } from '../generated/prisma/enums.js';
import type { MemberFields } from './member-input.js';

/** A member as stored: its fields plus owner, version and times. */
export interface MemberRecord extends MemberFields {
  id: string;
  region: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * A member's whole state as events carry it (`schema/events/snapshots/member.schema.json`):
 * the record with times as ISO strings.
 */
export interface MemberSnapshot {
  id: string;
  region: string;
  name: string;
  gender: Gender | null;
  sector: string;
  party: Party;
  term: number;
  roles: MemberRole[];
  specialCommittees: string[];
  workplace: string | null;
  linkedVillages: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const memberSnapshot = (member: MemberRecord): MemberSnapshot => ({
  id: member.id,
  region: member.region,
  name: member.name,
  gender: member.gender,
  sector: member.sector,
  party: member.party,
  term: member.term,
  roles: member.roles,
  specialCommittees: member.specialCommittees,
  workplace: member.workplace,
  linkedVillages: member.linkedVillages,
  version: member.version,
  createdAt: member.createdAt.toISOString(),
  updatedAt: member.updatedAt.toISOString(),
});

/** The record a replica stores for a snapshot, the owner's version and times included. */
export const memberFromSnapshot = (snapshot: MemberSnapshot): MemberRecord => ({
  ...snapshot,
  createdAt: new Date(snapshot.createdAt),
  updatedAt: new Date(snapshot.updatedAt),
});
