import {
  type RegionSweep,
  type ReminderColour,
  schemaName,
  VersionConflictError,
} from '@huishang/subgraph-kit';
import { findReminderCandidates, recordReminder } from './data/reminders.js';
import {
  planOpinionReminder,
  planSupervisionReminder,
  type ReminderPlan,
} from './domain/reminders.js';
import { IllegalStepError } from './errors.js';
import type { PrismaClient } from './generated/prisma/client.js';

/** Candidates read per statement. */
const pageSize = 200;
/**
 * Reminders one sweep records at most per region: a backlog (the scheduler switched on
 * over thousands of overdue records) goes out over several sweeps, not as one burst of
 * events.
 */
const maxRemindersPerSweep = 1_000;

type Kind = 'SUPERVISION_TASK' | 'OPINION_ITEM';

/** Loads a candidate and plans its reminder. */
const planners: Record<
  Kind,
  (
    db: PrismaClient,
    id: string,
    last: ReminderColour | null,
    now: Date,
  ) => Promise<{ record: Parameters<typeof recordReminder>[2]; plan: ReminderPlan } | null>
> = {
  async SUPERVISION_TASK(db, id, last, now) {
    const task = await db.supervisionTask.findUnique({ where: { id } });
    const plan = task && planSupervisionReminder(task, last, now);
    return task?.deadline && plan ? { record: { ...task, deadline: task.deadline }, plan } : null;
  },
  async OPINION_ITEM(db, id, last, now) {
    const item = await db.opinionItem.findUnique({ where: { id } });
    const plan = item && planOpinionReminder(item, last, now);
    return item?.deadline && plan ? { record: { ...item, deadline: item.deadline }, plan } : null;
  },
};

/**
 * One sweep of a region's own supervision tasks and opinion items: each that turned
 * YELLOW or RED since it was last reminded (for its deadline) is reminded once
 * (`recordReminder`). A record whose state moved on while it was reminded is left to the
 * next sweep; one that fails otherwise goes to `report` (by default thrown) and the sweep
 * goes on. Answers how many it reminded: nothing when another process was first.
 */
export async function sweepConsultationReminders(
  db: PrismaClient,
  region: string,
  now: Date,
  report: (error: unknown) => void = (error) => {
    throw error;
  },
): Promise<number> {
  const sink = { schema: schemaName('consultations', region), origin: region };
  let reminded = 0;
  for (const kind of Object.keys(planners) as Kind[]) {
    let afterId: string | null = null;
    for (;;) {
      const candidates = await findReminderCandidates(
        db,
        sink.schema,
        kind,
        region,
        now,
        afterId,
        pageSize,
      );
      for (const candidate of candidates) {
        const planned = await planners[kind](db, candidate.id, candidate.lastReminded, now);
        if (!planned) continue;
        try {
          if (
            (await recordReminder(db, sink, planned.record, planned.plan, now)) &&
            ++reminded >= maxRemindersPerSweep
          )
            return reminded;
        } catch (error) {
          // moved on meanwhile: the next sweep sees it as it is now
          if (!(error instanceof VersionConflictError || error instanceof IllegalStepError))
            report(error);
        }
      }
      if (candidates.length < pageSize) break;
      afterId = candidates.at(-1)?.id ?? null;
    }
  }
  return reminded;
}

/** The consultations subgraph's reminder scheduler, run by the kit's sweeps plugin. */
export const consultationReminderSweep: RegionSweep<PrismaClient> = {
  name: 'consultation-reminders',
  run: sweepConsultationReminders,
};
