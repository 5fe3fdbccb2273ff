import { optionalText } from '@huishang/subgraph-kit';
import { AlreadyEvaluatedError } from '../errors.js';
import type { EvaluationParty, ProposalStatus } from '../generated/prisma/enums.js';
import { assertTransition } from './proposal-lifecycle.js';

export interface Evaluation {
  comment: string | null;
  status: ProposalStatus;
}

/**
 * 双向评价: the proposer rates the handling and the unit rates the proposal's quality,
 * each once, after the reply. The proposer's rating makes the proposal EVALUATED.
 */
export function planEvaluation(
  current: { status: ProposalStatus; evaluations: { by: EvaluationParty }[] },
  by: EvaluationParty,
  comment: string | null | undefined,
): Evaluation {
  if (current.evaluations.some((e) => e.by === by)) throw new AlreadyEvaluatedError(by);
  assertTransition(current.status, by === 'PROPOSER' ? 'evaluateHandling' : 'evaluateQuality');
  return {
    comment: optionalText('comment', comment, 500),
    status: by === 'PROPOSER' ? 'EVALUATED' : current.status,
  };
}
