import { InvalidWeightError } from '../errors.js';
import type { DutyKind } from '../generated/prisma/enums.js';

/** Points per duty record of each kind (履职量化考评), as a committee configures them. */
export type DutyWeights = Record<DutyKind, number>;

export const dutyKinds = [
  'PROPOSAL_LED',
  'PROPOSAL_CO_SIGNED',
  'CONSULTATION_ATTENDED',
  'OPINION_SUBMITTED',
  'SUPERVISION_JOINED',
  'SPEECH',
] as const satisfies readonly DutyKind[];

/**
 * Used until a committee sets its own: leading a proposal weighs most, a speech at a
 * plenary or standing-committee meeting next, co-signing least (documented in the README).
 */
export const defaultDutyWeights: DutyWeights = {
  PROPOSAL_LED: 10,
  PROPOSAL_CO_SIGNED: 3,
  CONSULTATION_ATTENDED: 5,
  OPINION_SUBMITTED: 4,
  SUPERVISION_JOINED: 5,
  SPEECH: 8,
};

/** A committee's weights: whole points 0..100 for every kind, validated as a whole. */
export function normaliseWeights(input: Partial<DutyWeights>, current: DutyWeights): DutyWeights {
  const weights = { ...current };
  for (const kind of dutyKinds) {
    const value = input[kind];
    if (value === undefined || value === null) continue;
    if (!Number.isInteger(value) || value < 0 || value > 100)
      throw new InvalidWeightError(kind, value);
    weights[kind] = value;
  }
  return weights;
}

/** Duty records counted by kind; a kind without records is absent. */
export type DutyCounts = Partial<Record<DutyKind, number>>;

/**
 * What a member's snapshot carries of its duty (`duty` in `snapshots/member.schema.json`):
 * its score under its committee's weights and its records by kind (kinds with records only),
 * so that the city and province count member activity from their replicas.
 */
export interface DutySummary {
  score: number;
  records: DutyCounts;
}

export function dutySummary(counts: DutyCounts, weights: DutyWeights): DutySummary {
  const records: DutyCounts = {};
  for (const kind of dutyKinds) {
    const count = counts[kind] ?? 0;
    if (count > 0) records[kind] = count;
  }
  return { score: dutyScore(records, weights).total, records };
}

export interface DutyScore {
  total: number;
  byKind: { kind: DutyKind; count: number; points: number }[];
}

/** A member's score: records counted per kind, times the committee's weight for the kind. */
export function dutyScore(counts: DutyCounts, weights: DutyWeights): DutyScore {
  const byKind = dutyKinds.map((kind) => {
    const count = counts[kind] ?? 0;
    return { kind, count, points: count * weights[kind] };
  });
  return { total: byKind.reduce((sum, k) => sum + k.points, 0), byKind };
}

export interface Scored {
  memberId: string;
  name: string;
  score: number;
}

/**
 * A committee's ranking: highest score first; equal scores share a rank (1, 1, 3) and are
 * listed by name in Chinese collation (pinyin order), then by id so the order is total.
 */
export function rankMembers<T extends Scored>(entries: T[]): (T & { rank: number })[] {
  const sorted = entries.toSorted(
    (a, b) =>
      b.score - a.score ||
      a.name.localeCompare(b.name, 'zh-Hans-CN') ||
      a.memberId.localeCompare(b.memberId),
  );
  let rank = 0;
  return sorted.map((entry, i) => {
    if (i === 0 || entry.score !== sorted[i - 1]?.score) rank = i + 1;
    return { ...entry, rank };
  });
}
