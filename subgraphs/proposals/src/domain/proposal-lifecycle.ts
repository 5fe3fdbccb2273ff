import { IllegalTransitionError } from '../errors.js';
import type { ProposalStatus } from '../generated/prisma/enums.js';

/**
 * What staff, proposers and handling units do to a proposal. Evaluation is two actions
 * because the proposer's rating of the handling moves the proposal on while the unit's
 * rating of the proposal's quality may come at any time after the first reply.
 */
export type ProposalAction =
  | 'signIn'
  | 'preReview'
  | 'register'
  | 'decline'
  | 'convert'
  | 'assign'
  | 'remind'
  | 'escalate'
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
  signIn: '签收',
  preReview: '预审',
  register: '立案',
  decline: '不予立案',
  convert: '转为意见信',
  assign: '交办',
  remind: '催办',
  escalate: '督办',
  reply: '答复',
  evaluateHandling: '评价办理',
  evaluateQuality: '评价提案质量',
};

/**
 * 签收 → 预审 → 复审 (立案, 不予立案 or 转为意见信) → 交办 → 办理 (催办, 督办) → 答复 →
 * 评价; a basically satisfied or unsatisfied rating of the first round opens a second
 * round (SECOND_ROUND → REPLIED → EVALUATED). Co-handling units may still reply once the
 * lead has (REPLIED); the unit rates the proposal's quality once, any time after that.
 */
const allowedActions: Record<ProposalStatus, readonly ProposalAction[]> = {
  SUBMITTED: ['signIn'],
  SIGNED_IN: ['preReview'],
  PRE_REVIEWED: ['register', 'decline', 'convert'],
  REGISTERED: ['assign'],
  DECLINED: [],
  CONVERTED: [],
  ASSIGNED: ['reply', 'remind', 'escalate'],
  REPLIED: ['reply', 'evaluateHandling', 'evaluateQuality'],
  EVALUATED: ['evaluateQuality'],
  SECOND_ROUND: ['reply', 'remind', 'escalate', 'evaluateQuality'],
  CLOSED: [],
};

export const canTake = (current: ProposalStatus, action: ProposalAction): boolean =>
  allowedActions[current].includes(action);

/** What the proposal's current state allows, as the refusal of anything else names it. */
export const allowedIn = (current: ProposalStatus): readonly ProposalAction[] =>
  allowedActions[current];

/** Refuses an action the proposal's current state does not allow, naming the state and what it allows. */
export function assertTransition(current: ProposalStatus, action: ProposalAction): void {
  if (!canTake(current, action))
    throw new IllegalTransitionError(
      current,
      statusLabels[current],
      action,
      actionLabels[action],
      allowedActions[current].map((a) => ({ action: a, label: actionLabels[a] })),
    );
}

/** States a proposal has once registered (立案): what is published, sorted across terms, numbered. */
export const registeredStatuses: readonly ProposalStatus[] = [
  'REGISTERED',
  'ASSIGNED',
  'REPLIED',
  'EVALUATED',
  'SECOND_ROUND',
  'CLOSED',
];

/** States in which handling units are working against the deadline. */
export const handlingStatuses: readonly ProposalStatus[] = ['ASSIGNED', 'SECOND_ROUND'];

export const isHandling = (status: ProposalStatus): boolean => handlingStatuses.includes(status);
