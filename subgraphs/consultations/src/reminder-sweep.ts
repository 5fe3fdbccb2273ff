import {
  createReminderSweep,
  type RemindedRecords,
  type ReminderColour,
} from '@huishang/subgraph-kit';
import { consultationReminderScan, recordReminder } from './data/reminders.js';
import {
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
 * The consultations subgraph's reminder scheduler, run by the kit's sweeps plugin: each
 * supervision task and opinion item that turned YELLOW or RED since it was last reminded
 * (for its deadline) is reminded once (`recordReminder`); one whose state moved on while
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
  ],
  movedOn: (error) => error instanceof IllegalStepError,
});

/** One sweep of a region's own records; a failure of one record is thrown unless `report` takes it. */
export const sweepConsultationReminders = consultationReminderSweep.run;
