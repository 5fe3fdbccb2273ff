import { IllegalStageError, StepIncompleteError } from '../errors.js';
import type { ConsultationStage, EvaluatorParty } from '../generated/prisma/enums.js';

/** Haining's seven steps (七步法) in order, then CLOSED. */
export const stageOrder: readonly ConsultationStage[] = [
  'TOPIC',
  'PLAN',
  'RESEARCH',
  'CONSULT',
  'REPORT',
  'FEEDBACK',
  'EVALUATION',
  'CLOSED',
];

export const evaluatorParties: readonly EvaluatorParty[] = [
  'MEMBERS',
  'PUBLIC_EXPERTS',
  'GOVERNMENT',
];

/** The one step after `stage`, or null once closed. */
export const nextStage = (stage: ConsultationStage): ConsultationStage | null =>
  stageOrder[stageOrder.indexOf(stage) + 1] ?? null;

/** What the record holds that the step gates look at. */
export interface StageFacts {
  minutesSent: boolean;
  evaluatedBy: readonly EvaluatorParty[];
}

/**
 * Moves a consultation one step on: only to the next step; out of REPORT once the minutes
 * have gone to their recipients; to CLOSED once all three parties have evaluated.
 */
export function advanceStage(
  consultation: { id: string; stage: ConsultationStage },
  to: ConsultationStage,
  facts: StageFacts,
): ConsultationStage {
  const next = nextStage(consultation.stage);
  if (to !== next)
    throw new IllegalStageError(
      consultation.id,
      consultation.stage,
      `advance to ${to}`,
      next ? [next] : [],
    );
  if (consultation.stage === 'REPORT' && !facts.minutesSent)
    throw new StepIncompleteError(consultation.id, consultation.stage, 'sendConsultationMinutes');
  if (consultation.stage === 'EVALUATION') {
    const missing = evaluatorParties.filter((p) => !facts.evaluatedBy.includes(p));
    if (missing.length > 0)
      throw new StepIncompleteError(
        consultation.id,
        consultation.stage,
        `evaluateConsultation (${missing.join(', ')})`,
      );
  }
  return to;
}

/** The steps in which each action on a consultation may be taken. */
const actionStages = {
  addParticipants: stageOrder.slice(0, 4),
  recordAttendance: stageOrder.slice(0, 5),
  recordSuggestions: stageOrder.slice(0, 5),
  sendMinutes: ['REPORT'],
  signOffOrAnswer: ['REPORT', 'FEEDBACK', 'EVALUATION'],
  setAdoption: stageOrder.slice(3, 7),
  evaluate: ['EVALUATION'],
} satisfies Record<string, readonly ConsultationStage[]>;

export type ConsultationAction = keyof typeof actionStages;

/** Refuses an action outside its steps, naming the current step and those that allow it. */
export function assertActionAllowed(
  consultation: { id: string; stage: ConsultationStage },
  action: ConsultationAction,
): void {
  const allowed: readonly ConsultationStage[] = actionStages[action];
  if (!allowed.includes(consultation.stage))
    throw new IllegalStageError(consultation.id, consultation.stage, action, allowed);
}
