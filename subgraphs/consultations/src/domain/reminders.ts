import {
  type Inbox,
  inboxesFor,
  type ReminderColour,
  reminderColourOf,
  reminderReason,
  type TaskKind,
} from '@huishang/subgraph-kit';
import type { OpinionStatus, SupervisionStatus } from '../generated/prisma/enums.js';
import { opinionColour, supervisionColour } from './colour.js';
import { answerColour, answerDue, signOffColour, signOffDue } from './minutes.js';
import { allowedSupervisionActions } from './supervision-lifecycle.js';

export interface ReminderPlan {
  kind: TaskKind;
  colour: ReminderColour;
  reason: string;
  /** The staff's inbox first, then the handling unit's or department's. */
  inboxes: Inbox[];
  /**
   * Whether a REMIND step is recorded on the task, as a manual 催办 is: only where the
   * task's state allows one (the letter issued, the unit handling it).
   */
  remindStep: boolean;
}

/**
 * The automatic reminder of an open supervision task at `now`, or null when none is due
 * (`reminderColourOf` of the colour `supervisionColour` gives). It goes to the committee's
 * staff and, once the letter named one, to the handling unit; while the unit handles it
 * (LETTER_ISSUED) it is also a REMIND step on the task. Before the letter the committee
 * itself is behind, so only its staff are told and the step log is left as it is.
 */
export function planSupervisionReminder(
  task: {
    status: SupervisionStatus;
    deadline: Date | null;
    title: string;
    handlingUnit: string | null;
  },
  lastReminded: ReminderColour | null,
  now: Date,
): ReminderPlan | null {
  const colour = reminderColourOf(supervisionColour(task, now), lastReminded);
  if (!colour) return null;
  return {
    kind: 'SUPERVISION_TASK',
    colour,
    reason: reminderReason('SUPERVISION_TASK', task.title, colour),
    inboxes: inboxesFor(task.handlingUnit ? [task.handlingUnit] : []),
    remindStep: allowedSupervisionActions(task.status).includes('REMIND'),
  };
}

/**
 * The automatic reminder (超期预警) of an opinion item being handled, or null: to the
 * committee's staff and to the department it was dispatched to. Opinion items have no
 * reminder step, so nothing is recorded on the item itself.
 */
export function planOpinionReminder(
  item: { status: OpinionStatus; deadline: Date | null; title: string; department: string | null },
  lastReminded: ReminderColour | null,
  now: Date,
): ReminderPlan | null {
  const colour = reminderColourOf(opinionColour(item, now), lastReminded);
  if (!colour) return null;
  return {
    kind: 'OPINION_ITEM',
    colour,
    reason: reminderReason('OPINION_ITEM', item.title, colour),
    inboxes: inboxesFor(item.department ? [item.department] : []),
    remindStep: false,
  };
}

/** A minutes recipient's two deadlines, each reminded on its own: 签收 and 答复. */
export type MinutesStep = 'SIGN_OFF' | 'ANSWER';

const minutesSteps = {
  SIGN_OFF: { due: signOffDue, colour: signOffColour, what: '签收' },
  ANSWER: { due: answerDue, colour: answerColour, what: '答复' },
} as const;

/**
 * The automatic reminder of one recipient of a consultation's minutes (协商纪要) for one of
 * its deadlines (`step`), or null when none is due: the record reminded is the recipient
 * (minutes and recipient), the reminder keyed by that step's deadline, which it answers.
 * It goes to the committee's staff and to the recipient as a unit, by its name, as a unit
 * signs off and answers for itself (`canActForRecipient`). The minutes have no reminder
 * step, so nothing is recorded on the consultation.
 */
export function planMinutesReminder(
  recipient: { name: string; signedOffAt: Date | null; answeredAt: Date | null },
  minutes: { title: string; sentAt: Date },
  step: MinutesStep,
  lastReminded: ReminderColour | null,
  now: Date,
): (ReminderPlan & { deadline: Date }) | null {
  const { due, colour: colourOf, what } = minutesSteps[step];
  const colour = reminderColourOf(colourOf(recipient, minutes.sentAt, now), lastReminded);
  if (!colour) return null;
  const warning =
    colour === 'YELLOW' ? `${what}期限将至（黄色预警）` : `已超过${what}期限（红色预警）`;
  return {
    kind: 'CONSULTATION_MINUTE',
    colour,
    reason: `协商纪要《${minutes.title}》送达${recipient.name}待${what}，${warning}`,
    inboxes: inboxesFor([recipient.name]),
    remindStep: false,
    deadline: due(minutes.sentAt),
  };
}
