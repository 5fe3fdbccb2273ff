import { optionalText, requireText } from '@huishang/subgraph-kit';
import { InvalidBirthYearError } from '../errors.js';
import type { Gender } from '../generated/prisma/enums.js';

/** One human's details, whatever committees the person sits on. */
export interface PersonFields {
  name: string;
  gender: Gender | null;
  birthYear: number | null;
  ethnicity: string | null;
}

export interface PersonInput {
  name?: string | null;
  gender?: Gender | null;
  birthYear?: number | null;
  ethnicity?: string | null;
}

/** A member is an adult: born at least 18 years before `now`, and after 1900. */
export function normalisePerson(input: PersonInput & { name: string }, now: Date): PersonFields {
  const latest = now.getUTCFullYear() - 18;
  const { birthYear } = input;
  if (birthYear != null && (!Number.isInteger(birthYear) || birthYear < 1900 || birthYear > latest))
    throw new InvalidBirthYearError(birthYear, latest);
  return {
    name: requireText('name', input.name, 50),
    gender: input.gender ?? null,
    birthYear: birthYear ?? null,
    ethnicity: optionalText('ethnicity', input.ethnicity, 20),
  };
}

/** Applies a change to a person's details; an empty ethnicity clears it. */
export function applyPersonChange(
  current: PersonFields,
  change: PersonInput,
  now: Date,
): PersonFields {
  return normalisePerson(
    {
      name: change.name ?? current.name,
      gender: change.gender ?? current.gender,
      birthYear: change.birthYear === undefined ? current.birthYear : change.birthYear,
      ethnicity: change.ethnicity === undefined ? current.ethnicity : change.ethnicity,
    },
    now,
  );
}

/** Whether a change alters anything, so that an idle edit writes no event. */
export const personChanged = (a: PersonFields, b: PersonFields) =>
  a.name !== b.name ||
  a.gender !== b.gender ||
  a.birthYear !== b.birthYear ||
  a.ethnicity !== b.ethnicity;
