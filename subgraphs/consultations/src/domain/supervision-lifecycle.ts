import { optionalText, requireText } from '@huishang/subgraph-kit';
import { IllegalStepError } from '../errors.js';
import type { SupervisionStatus } from '../generated/prisma/enums.js';
import { requireDeadline } from './colour.js';
import { optionalId } from './place.js';

/**
 * 湖州五步法 after the work order (派单): inspect on site, consult, issue the supervision
 * letter (民主监督建议书) assigning it to a unit (交办), remind (催办) until the unit's
 * feedback (反馈), then follow-up visits (回头看) and closing.
 */
export type SupervisionAction =
  | 'INSPECT'
  | 'CONSULT'
  | 'ISSUE_LETTER'
  | 'REMIND'
  | 'FEEDBACK'
  | 'FOLLOW_UP'
  | 'CLOSE';

export const supervisionStatusLabels: Record<SupervisionStatus, string> = {
  DISPATCHED: '已派单',
  INSPECTING: '实地察看',
  CONSULTING: '协商座谈',
  LETTER_ISSUED: '已出具监督建议书',
  FOLLOW_UP: '回头看',
  CLOSED: '已办结',
};

/** What each state allows, and where each action leads (inspections and visits repeat). */
const allowed: Record<SupervisionStatus, readonly SupervisionAction[]> = {
  DISPATCHED: ['INSPECT'],
  INSPECTING: ['INSPECT', 'CONSULT'],
  CONSULTING: ['CONSULT', 'ISSUE_LETTER'],
  LETTER_ISSUED: ['REMIND', 'FEEDBACK'],
  FOLLOW_UP: ['FOLLOW_UP', 'CLOSE'],
  CLOSED: [],
};

const target: Record<SupervisionAction, SupervisionStatus | null> = {
  INSPECT: 'INSPECTING',
  CONSULT: 'CONSULTING',
  ISSUE_LETTER: 'LETTER_ISSUED',
  REMIND: null,
  FEEDBACK: 'FOLLOW_UP',
  FOLLOW_UP: 'FOLLOW_UP',
  CLOSE: 'CLOSED',
};

export const allowedSupervisionActions = (status: SupervisionStatus) => allowed[status];

export interface SupervisionStepInput {
  action: SupervisionAction;
  /** The inspection's or visit's findings, the letter, the reminder, the unit's feedback. */
  note?: string | null;
  /** Members who took part in this step. */
  memberIds?: string[] | null;
  /** ISSUE_LETTER: the unit the letter is assigned to, and its new deadline. */
  handlingUnit?: string | null;
  deadline?: string | null;
}

/** One entry of a task's step log, as the snapshot carries it. */
export interface SupervisionStep {
  action: SupervisionAction;
  at: string;
  by: string;
  note: string | null;
  memberIds: string[];
}

export interface SupervisionState {
  status: SupervisionStatus;
  deadline: Date | null;
  handlingUnit: string | null;
  memberIds: string[];
  steps: SupervisionStep[];
}

/** Refuses an action the task's state does not allow, naming the state and what it allows. */
export function assertSupervisionStep(status: SupervisionStatus, action: SupervisionAction) {
  if (!allowed[status].includes(action))
    throw new IllegalStepError(
      'SUPERVISION',
      status,
      supervisionStatusLabels[status],
      action,
      allowed[status],
    );
}

/**
 * The task after one step by `by` at `at`: the new state, the step appended to the log and
 * its members added to those who joined. Nothing is changed on a refusal.
 */
export function takeSupervisionStep(
  task: SupervisionState,
  input: SupervisionStepInput,
  by: string,
  at: Date,
): SupervisionState {
  assertSupervisionStep(task.status, input.action);
  const needsNote = input.action === 'ISSUE_LETTER' || input.action === 'FEEDBACK';
  const note = needsNote
    ? requireText('note', input.note, 5000)
    : optionalText('note', input.note, 5000);
  const memberIds = [
    ...new Set((input.memberIds ?? []).map((id) => optionalId('memberIds', id))),
  ].filter((id): id is string => id !== null);
  const step: SupervisionStep = { action: input.action, at: at.toISOString(), by, note, memberIds };
  const next: SupervisionState = {
    ...task,
    status: target[input.action] ?? task.status,
    memberIds: [...new Set([...task.memberIds, ...memberIds])],
    steps: [...task.steps, step],
  };
  switch (input.action) {
    case 'ISSUE_LETTER':
      return {
        ...next,
        handlingUnit: requireText('handlingUnit', input.handlingUnit, 50),
        deadline: input.deadline ? requireDeadline('deadline', input.deadline, at) : task.deadline,
      };
    default:
      return next;
  }
}

/**
 * What the step log says of the task's outcome, kept nowhere else so it cannot disagree:
 * the letter last issued, the unit's last feedback and how many reminders were sent.
 */
export function supervisionOutcome(steps: readonly SupervisionStep[]) {
  const lastNote = (action: SupervisionAction) =>
    steps.findLast((step) => step.action === action)?.note ?? null;
  return {
    letter: lastNote('ISSUE_LETTER'),
    feedback: lastNote('FEEDBACK'),
    reminders: steps.filter((step) => step.action === 'REMIND').length,
  };
}
