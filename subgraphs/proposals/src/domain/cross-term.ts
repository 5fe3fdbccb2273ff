import { CrossTermNotSortableError, InvalidVoteError, VoteNotOpenError } from '../errors.js';
import type { CrossTermOutcome, ProposalStatus } from '../generated/prisma/enums.js';
import { registeredStatuses } from './proposal-lifecycle.js';

/**
 * 跨届提案 (Deqing): at a new term the office sorts the previous terms' registered proposals
 * into done, hard for now, to continue and to start; key proposals that are not done stay
 * open, whatever the term, until the standing committee's vote passes.
 */
export const crossTermOutcomeLabels: Record<CrossTermOutcome, string> = {
  DONE: '已办结',
  HARD_FOR_NOW: '暂难解决',
  CONTINUE: '继续办理',
  START: '启动办理',
};

/** At most this many proposals are sorted in one call, in one transaction. */
export const maxSortingBatch = 1000;

export interface SortingTarget {
  term: number;
  status: ProposalStatus;
}

/** The fields a sorting sets; refused for a proposal of the new term or one never registered. */
export function planSorting(
  proposal: SortingTarget,
  outcome: CrossTermOutcome,
  newTerm: number,
): { crossTermOutcome: CrossTermOutcome; crossTermSortedIn: number } {
  if (proposal.term >= newTerm || !registeredStatuses.includes(proposal.status))
    throw new CrossTermNotSortableError(proposal.status, proposal.term, newTerm);
  return { crossTermOutcome: outcome, crossTermSortedIn: newTerm };
}

export interface VoteTally {
  satisfied: number;
  basic: number;
  unsatisfied: number;
}

/**
 * 德清: passes when satisfied plus basically satisfied reach 80 % of all votes; compared in
 * whole numbers (5 × in favour ≥ 4 × all) so 40 of 50 is exactly enough.
 */
export const votePasses = ({ satisfied, basic, unsatisfied }: VoteTally): boolean =>
  (satisfied + basic) * 5 >= (satisfied + basic + unsatisfied) * 4;

export interface VoteTarget {
  term: number;
  isKey: boolean;
  status: ProposalStatus;
  crossTermOutcome: CrossTermOutcome | null;
}

/** A key proposal sorted as not done and not yet closed by a vote: open to the standing committee. */
const isKeyOpen = (p: Pick<VoteTarget, 'isKey' | 'status' | 'crossTermOutcome'>): boolean =>
  p.isKey && p.status !== 'CLOSED' && p.crossTermOutcome !== null && p.crossTermOutcome !== 'DONE';

/**
 * A vote only on an open key proposal sorted as not done, by the standing committee of a
 * later term; counts are whole and not all zero.
 */
export function planVote(
  proposal: VoteTarget,
  vote: VoteTally & { term: number },
): { passed: boolean; status: ProposalStatus } {
  const counts = [vote.satisfied, vote.basic, vote.unsatisfied];
  if (
    counts.some((n) => !Number.isInteger(n) || n < 0) ||
    counts.every((n) => n === 0) ||
    !Number.isInteger(vote.term) ||
    vote.term <= proposal.term
  )
    throw new InvalidVoteError(vote, proposal.term);
  if (!isKeyOpen(proposal))
    throw new VoteNotOpenError(proposal.isKey, proposal.status, proposal.crossTermOutcome);
  const passed = votePasses(vote);
  return { passed, status: passed ? 'CLOSED' : proposal.status };
}

/** Registered proposals of one term in one owner region, counted by outcome, key and status. */
export interface CrossTermCountRow {
  region: string;
  crossTermOutcome: CrossTermOutcome | null;
  isKey: boolean;
  status: ProposalStatus;
  count: number;
}

export interface CrossTermSummary {
  region: { code: string };
  term: number;
  /** Registered proposals of the term. */
  total: number;
  unsorted: number;
  byOutcome: { outcome: CrossTermOutcome; count: number }[];
  /** Key proposals sorted as not done and not yet closed by a vote. */
  keyOpen: number;
}

/** One committee's sorting of a term, every outcome listed (zero included) in a fixed order. */
export function summariseCrossTerm(
  region: string,
  term: number,
  rows: CrossTermCountRow[],
): CrossTermSummary {
  const count = (keep: (row: CrossTermCountRow) => boolean) =>
    rows.filter(keep).reduce((n, row) => n + row.count, 0);
  return {
    region: { code: region },
    term,
    total: count(() => true),
    unsorted: count((row) => row.crossTermOutcome === null),
    byOutcome: (Object.keys(crossTermOutcomeLabels) as CrossTermOutcome[]).map((outcome) => ({
      outcome,
      count: count((row) => row.crossTermOutcome === outcome),
    })),
    keyOpen: count(isKeyOpen),
  };
}
