import type { Gender, MemberGroupKind, MemberRole, Party } from '../generated/prisma/enums.js';
import type { DutyCounts, DutySummary } from './duty-score.js';
import type { MemberFields } from './member-input.js';
import type { PersonFields } from './person-input.js';

/** A member as stored: its fields, its person's name and gender, owner, version and times. */
export interface MemberRecord extends MemberFields {
  id: string;
  region: string;
  personId: string;
  name: string;
  gender: Gender | null;
  /** The duty summary (see `DutySummary`): the owner's own, a replica's as published. */
  dutyScore: number;
  dutyCounts: DutyCounts;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A person as events carry it; `region` registered the person and alone changes it. */
export interface PersonRecord extends PersonFields {
  id: string;
  region: string;
  version: number;
}

/** A studio or duty group the member belongs to, as events carry it. */
export interface GroupRecord {
  id: string;
  kind: MemberGroupKind;
  name: string;
  place: string;
  online: boolean;
  version: number;
}

/** A member with its person and groups: what one snapshot describes. */
export interface MemberState {
  member: MemberRecord;
  person: PersonRecord;
  groups: GroupRecord[];
}

/**
 * A member's whole state as events carry it (`schema/events/snapshots/member.schema.json`):
 * the membership with times as ISO strings, the person (name and gender repeated at the
 * top, as before people were separate) and the studios and duty groups it belongs to.
 */
export interface MemberSnapshot {
  id: string;
  region: string;
  personId: string;
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
  person: PersonRecord;
  groups: GroupRecord[];
  /** Absent in snapshots from before the owner published it: no records, as far as known. */
  duty?: DutySummary;
}

const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);

export const memberSnapshot = ({ member, person, groups }: MemberState): MemberSnapshot => ({
  id: member.id,
  region: member.region,
  personId: member.personId,
  name: member.name,
  gender: member.gender,
  sector: member.sector,
  party: member.party,
  term: member.term,
  roles: member.roles,
  specialCommittees: member.specialCommittees,
  workplace: member.workplace,
  linkedVillages: member.linkedVillages,
  duty: { score: member.dutyScore, records: member.dutyCounts },
  version: member.version,
  createdAt: member.createdAt.toISOString(),
  updatedAt: member.updatedAt.toISOString(),
  person: {
    id: person.id,
    region: person.region,
    name: person.name,
    gender: person.gender,
    birthYear: person.birthYear,
    ethnicity: person.ethnicity,
    version: person.version,
  },
  groups: groups
    .map(({ id, kind, name, place, online, version }) => ({
      id,
      kind,
      name,
      place,
      online,
      version,
    }))
    .toSorted(byId),
});

/** What a replica stores for a snapshot, the owner's versions and times included. */
export function memberStateFromSnapshot(snapshot: MemberSnapshot): MemberState {
  const { person, groups, duty, createdAt, updatedAt, ...member } = snapshot;
  return {
    member: {
      ...member,
      dutyScore: duty?.score ?? 0,
      dutyCounts: duty?.records ?? {},
      createdAt: new Date(createdAt),
      updatedAt: new Date(updatedAt),
    },
    person,
    groups,
  };
}
