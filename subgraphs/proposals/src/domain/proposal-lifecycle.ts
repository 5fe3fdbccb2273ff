import { IllegalTransitionError } from '../errors.js';
import type { ProposalStatus } from '../generated/prisma/enums.js';

/**
 * What staff and handling units do to a proposal. Evaluation is two actions because the
 * proposer's rating of the handling ends the minimal path while the unit's rating of the
 * proposal's quality may come before or after it.
 */
export type ProposalAction =
  | 'register'
  | 'assign'
  | 'reply'
  | 'evaluateHandling'
  | 'evaluateQuality';

export const statusLabels: Record<ProposalStatus, string> = {
  SUBMITTED: '已提出',
  SIGNED_IN: '已签收',
  PRE_REVIEWED: '已预审',
  REGISTERED: '已立案',
  DECLINED: '不予立案',
  CONVERTED: '转为意见信',
  ASSIGNED: '已交办',
  REPLIED: '已答复',
  EVALUATED: '已评价',
  SECOND_ROUND: '二轮办理',
  CLOSED: '已办结',
};

const actionLabels: Record<ProposalAction, string> = {
  register: '立案',
  assign: '交办',
  reply: '答复',
  evaluateHandling: '评价办理',
  evaluateQuality: '评价提案质量',
};

/**
 * The minimal path SUBMITTED → REGISTERED → ASSIGNED → REPLIED → EVALUATED. Review,
 * declining, second rounds and closing come with the full lifecycle; until then those
 * states allow nothing. Co-handling units may still reply once the lead has (REPLIED).
 */
const allowedActions: Record<ProposalStatus, readonly ProposalAction[]> = {
  SUBMITTED: ['register'],
  SIGNED_IN: [],
  PRE_REVIEWED: [],
  REGISTERED: ['assign'],
  DECLINED: [],
  CONVERTED: [],
  ASSIGNED: ['reply'],
  REPLIED: ['reply', 'evaluateHandling', 'evaluateQuality'],
  EVALUATED: ['evaluateQuality'],
  SECOND_ROUND: [],
  CLOSED: [],
};

export const canTake = (current: ProposalStatus, action: ProposalAction): boolean =>
  allowedActions[current].includes(action);

/** Refuses an action the proposal's current state does not allow, naming the state. */
export function assertTransition(current: ProposalStatus, action: ProposalAction): void {
  if (!canTake(current, action))
    throw new IllegalTransitionError(current, statusLabels[current], action, actionLabels[action]);
}

/** States in which handling units are working against the deadline. */
export const isHandling = (status: ProposalStatus): boolean =>
  status === 'ASSIGNED' || status === 'SECOND_ROUND';
