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
