import { optionalText } from '@huishang/subgraph-kit';
import { ReasonRequiredError } from '../errors.js';
import type { ProposalStatus, ReviewDecision, ReviewStep } from '../generated/prisma/enums.js';
import { assertTransition } from './proposal-lifecycle.js';

/** 签收, 预审, and the three outcomes of 复审. */
export type ReviewAction = 'signIn' | 'preReview' | 'register' | 'decline' | 'convert';

export interface Review {
  step: ReviewStep;
  decision: ReviewDecision;
  reviewer: string;
  reason: string | null;
}

export interface ReviewPlan {
  action: ReviewAction;
  status: ProposalStatus;
  review: Review;
}

const outcomes: Record<
  ReviewAction,
  { step: ReviewStep; decision: ReviewDecision; status: ProposalStatus }
> = {
  signIn: { step: 'SIGN_IN', decision: 'PASSED', status: 'SIGNED_IN' },
  preReview: { step: 'PRE_REVIEW', decision: 'PASSED', status: 'PRE_REVIEWED' },
  register: { step: 'FINAL_REVIEW', decision: 'REGISTERED', status: 'REGISTERED' },
  decline: { step: 'FINAL_REVIEW', decision: 'DECLINED', status: 'DECLINED' },
  convert: { step: 'FINAL_REVIEW', decision: 'CONVERTED', status: 'CONVERTED' },
};

/**
 * 审查: one reviewer's decision at one step, recorded with the reviewer and reason. 不予立案
 * must say why, since the proposer is told; the other decisions may.
 */
export function planReview(
  current: { status: ProposalStatus },
  action: ReviewAction,
  reviewer: string,
  reason: string | null | undefined,
): ReviewPlan {
  assertTransition(current.status, action);
  const text = optionalText('reason', reason, 500);
  if (action === 'decline' && text === null) throw new ReasonRequiredError(action);
  const { status, ...step } = outcomes[action];
  return { action, status, review: { ...step, reviewer, reason: text } };
}
