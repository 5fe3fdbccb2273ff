import { chinaDate, InvalidInputError, requireDate, requireText } from '@huishang/subgraph-kit';
import {
  DeadlinePassedError,
  DuplicateUnitError,
  KeyLeadersRequiredError,
  LeadUnitRequiredError,
  UnknownSuggestionError,
} from '../errors.js';
import type { HandlingRole, ProposalStatus } from '../generated/prisma/enums.js';
import { yellowFromOf } from './colour.js';
import { assertTransition } from './proposal-lifecycle.js';

export interface UnitInput {
  name: string;
  role: HandlingRole;
  /** The items a co-handling unit answers; all of them when not given. */
  suggestionSeqs?: number[] | null;
}

export interface LeaderInput {
  name: string;
  post: string;
}

export interface AssignmentInput {
  units: UnitInput[];
  deadline: string;
  isKey?: boolean | null;
  leaders?: LeaderInput[] | null;
}

export interface AssignedUnit {
  name: string;
  role: HandlingRole;
  suggestionSeqs: number[];
}

export interface Assignment {
  units: AssignedUnit[];
  deadline: Date;
  /** The day the proposal turns YELLOW under the committee's threshold. */
  yellowFrom: Date;
  isKey: boolean;
  leaders: LeaderInput[];
}

/**
 * 交办: a registered proposal goes to exactly one lead unit (主办), which answers every
 * item, and any co-handling units (协办), each for the items named (all by default), with
 * a deadline that is today or later in China. A key proposal (重点提案) names its leading
 * officials, and only a key proposal does.
 */
export function planAssignment(
  current: { status: ProposalStatus; isKey: boolean; suggestions: { seq: number }[] },
  input: AssignmentInput,
  now: Date,
  yellowWithinDays: number,
): Assignment {
  assertTransition(current.status, 'assign');
  const all = current.suggestions.map((s) => s.seq);
  const units: AssignedUnit[] = [];
  for (const unit of input.units) {
    const name = requireText('units.name', unit.name, 60);
    if (units.some((u) => u.name === name)) throw new DuplicateUnitError(name);
    const seqs =
      unit.role === 'LEAD' || !unit.suggestionSeqs ? all : [...new Set(unit.suggestionSeqs)];
    const unknown = seqs.find((seq) => !all.includes(seq));
    if (unknown !== undefined) throw new UnknownSuggestionError(unknown);
    if (seqs.length === 0)
      throw new InvalidInputError('units.suggestionSeqs', '至少承办一条建议 / at least one item');
    units.push({ name, role: unit.role, suggestionSeqs: seqs.toSorted((a, b) => a - b) });
  }
  const leads = units.filter((u) => u.role === 'LEAD').length;
  if (leads !== 1) throw new LeadUnitRequiredError(leads);
  const deadline = requireDate('deadline', input.deadline);
  const today = chinaDate(now);
  if (input.deadline < today) throw new DeadlinePassedError(input.deadline, today);
  const isKey = input.isKey ?? current.isKey;
  const leaders = (input.leaders ?? []).map((leader) => ({
    name: requireText('leaders.name', leader.name, 30),
    post: requireText('leaders.post', leader.post, 60),
  }));
  if (isKey !== leaders.length > 0) throw new KeyLeadersRequiredError(isKey);
  return { units, deadline, yellowFrom: yellowFromOf(deadline, yellowWithinDays), isKey, leaders };
}
