import { deadlineAfter, optionalText } from '@huishang/subgraph-kit';
import { AlreadyEvaluatedError } from '../errors.js';
import type { EvaluationParty, ProposalStatus, Satisfaction } from '../generated/prisma/enums.js';
import { yellowFromOf } from './colour.js';
import { assertTransition, statusLabels } from './proposal-lifecycle.js';
import type { ProposalRules } from './rules.js';

export interface EvaluationInput {
  by: EvaluationParty;
  rating: Satisfaction;
  comment?: string | null;
  /** Who records it: the proposer's member id, the unit's name, or the staff member. */
  evaluator: string;
}

export interface Evaluation {
  by: EvaluationParty;
  rating: Satisfaction;
  comment: string | null;
  evaluator: string;
  /** The round rated. */
  round: number;
  status: ProposalStatus;
  /** Set when the rating opens the second round: its round number and new deadline. */
  secondRound: { round: number; deadline: Date; yellowFrom: Date } | null;
}

/** The largest number of handling rounds: the first, and at most one second (二轮办理). */
export const maxRounds = 2;

/**
 * 双向评价: the proposer rates the handling of each round once, the unit rates the
 * proposal's quality once. A first round rated basically satisfied or unsatisfied opens
 * the second round with a new deadline from the committee's rules; any rating of the
 * second round makes the proposal EVALUATED.
 */
export function planEvaluation(
  current: {
    status: ProposalStatus;
    round: number;
    evaluations: { by: EvaluationParty; round: number }[];
  },
  input: EvaluationInput,
  rules: Pick<ProposalRules, 'secondRoundDays' | 'yellowWithinDays'>,
  now: Date,
): Evaluation {
  const proposer = input.by === 'PROPOSER';
  const done = current.evaluations.some(
    (e) => e.by === input.by && (!proposer || e.round === current.round),
  );
  if (done) throw new AlreadyEvaluatedError(input.by, current.status, statusLabels[current.status]);
  assertTransition(current.status, proposer ? 'evaluateHandling' : 'evaluateQuality');
  const base = {
    by: input.by,
    rating: input.rating,
    comment: optionalText('comment', input.comment, 500),
    evaluator: input.evaluator,
    round: current.round,
  };
  if (!proposer) return { ...base, status: current.status, secondRound: null };
  if (input.rating === 'SATISFIED' || current.round >= maxRounds)
    return { ...base, status: 'EVALUATED', secondRound: null };
  const deadline = deadlineAfter(now, { days: rules.secondRoundDays });
  return {
    ...base,
    status: 'SECOND_ROUND',
    secondRound: {
      round: current.round + 1,
      deadline,
      yellowFrom: yellowFromOf(deadline, rules.yellowWithinDays),
    },
  };
}
