import { optionalText, requireText } from '@huishang/subgraph-kit';
import { InvalidTermError } from '../errors.js';
import type { MemberRole, Party } from '../generated/prisma/enums.js';

/** A membership's own fields; the person's (name, gender, ...) live in `PersonFields`. */
export interface MemberFields {
  sector: string;
  party: Party;
  term: number;
  roles: MemberRole[];
  specialCommittees: string[];
  workplace: string | null;
  linkedVillages: string[];
}

export interface MemberInput {
  sector?: string | null;
  party?: Party | null;
  term?: number | null;
  roles?: MemberRole[] | null;
  specialCommittees?: string[] | null;
  workplace?: string | null;
  linkedVillages?: string[] | null;
}

const unique = <T>(values: T[]): T[] => [...new Set(values)];

/** Normalises a new member's fields; every member holds at least the MEMBER role. */
export function normaliseNewMember(
  input: MemberInput & { sector: string; party: Party; term: number },
): MemberFields {
  if (!Number.isInteger(input.term) || input.term < 1 || input.term > 99)
    throw new InvalidTermError(input.term);
  return {
    sector: requireText('sector', input.sector, 30),
    party: input.party,
    term: input.term,
    roles: unique(['MEMBER', ...(input.roles ?? [])]),
    specialCommittees: unique(
      (input.specialCommittees ?? []).map((c) => requireText('specialCommittees', c, 30)),
    ),
    workplace: optionalText('workplace', input.workplace, 100),
    linkedVillages: unique(input.linkedVillages ?? []),
  };
}

/** Applies a change to a member's fields, validating only what it changes. */
export function applyMemberChange(current: MemberFields, change: MemberInput): MemberFields {
  return normaliseNewMember({
    ...current,
    ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined && v !== null)),
    // workplace may be cleared with an empty string
    workplace: change.workplace === undefined ? current.workplace : change.workplace,
  } as MemberFields);
}
