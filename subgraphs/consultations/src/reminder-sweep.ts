import {
  createReminderSweep,
  type RemindedRecords,
  type ReminderColour,
} from '@huishang/subgraph-kit';
import { consultationReminderScan, minutesReminderScan, recordReminder } from './data/reminders.js';
import {
  type MinutesStep,
  planMinutesReminder,
  planOpinionReminder,
  planSupervisionReminder,
  type ReminderPlan,
} from './domain/reminders.js';
import { IllegalStepError } from './errors.js';
import type { OpinionItem, PrismaClient, SupervisionTask } from './generated/prisma/client.js';

/** The records of `kind`: each candidate loaded by `load` and planned by `plan`. */
const reminded = <R extends { id: string; region: string; title: string; deadline: Date | null }>(
  kind: Parameters<typeof consultationReminderScan>[0],
  load: (db: PrismaClient, id: string) => Promise<R | null>,
  plan: (record: R, lastReminded: ReminderColour | null, now: Date) => ReminderPlan | null,
): RemindedRecords<PrismaClient> => ({
  scan: (now) => consultationReminderScan(kind, now),
  async plan(db, sink, { id, lastReminded }, now) {
    const record = await load(db, id);
    const planned = record && plan(record, lastReminded, now);
    if (!record?.deadline || !planned) return null;
    const dated = { ...record, deadline: record.deadline };
    return () => recordReminder(db, sink, dated, planned, now);
  },
});

/**
 * The recipients of minutes for one of their deadlines (`step`): each loaded with its
 * consultation, reminded as the recipient (its id) for that step's deadline.
 */
const remindedRecipients = (step: MinutesStep): RemindedRecords<PrismaClient> => ({
  scan: (now) => minutesReminderScan(step, now),
  async plan(db, sink, { id, lastReminded }, now) {
    const recipient = await db.minutesRecipient.findUnique({
      where: { id },
      include: { consultation: { select: { region: true, title: true, minutesSentAt: true } } },
    });
    const { region, title, minutesSentAt: sentAt } = recipient?.consultation ?? {};
    if (!recipient || !region || !title || !sentAt) return null;
    const planned = planMinutesReminder(recipient, { title, sentAt }, step, lastReminded, now);
    if (!planned) return null;
    const record = { id, region, title, deadline: planned.deadline };
    return () => recordReminder(db, sink, record, planned, now);
  },
});

/**
 * The consultations subgraph's reminder scheduler, run by the kit's sweeps plugin: each
 * supervision task, opinion item and minutes recipient (for its sign-off and for its answer)
 * that turned YELLOW or RED since it was last reminded (for that deadline) is reminded once
 * (`recordReminder`); one whose state moved on while
 * it was reminded (a version conflict, a step no longer allowed) is left to the next sweep.
 */
export const consultationReminderSweep = createReminderSweep<PrismaClient>({
  name: 'consultation-reminders',
  records: [
    reminded<SupervisionTask>(
      'SUPERVISION_TASK',
      (db, id) => db.supervisionTask.findUnique({ where: { id } }),
      planSupervisionReminder,
    ),
    reminded<OpinionItem>(
      'OPINION_ITEM',
      (db, id) => db.opinionItem.findUnique({ where: { id } }),
      planOpinionReminder,
    ),
    remindedRecipients('SIGN_OFF'),
    remindedRecipients('ANSWER'),
  ],
  movedOn: (error) => error instanceof IllegalStepError,
});

/** One sweep of a region's own records; a failure of one record is thrown unless `report` takes it. */
export const sweepConsultationReminders = consultationReminderSweep.run;
