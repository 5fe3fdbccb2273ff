import { insertReminder, isoDate, type ReminderScan, schedulerName } from '@huishang/subgraph-kit';
import type { EventSink } from '@huishang/subgraph-kit/bus';
import { colourDeadlines } from '../domain/colour.js';
import type { ReminderPlan } from '../domain/reminders.js';
import { takeSupervisionStep } from '../domain/supervision-lifecycle.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { applySupervisionStep } from './supervision-tasks.js';

/** The records of one kind a sweep reads: their table and when they are open (coloured). */
const swept: Record<'SUPERVISION_TASK' | 'OPINION_ITEM', { table: string; open: string }> = {
  SUPERVISION_TASK: { table: 'supervision_task', open: `t.status <> 'CLOSED'` },
  OPINION_ITEM: { table: 'opinion_item', open: `t.status IN ('DISPATCHED', 'HANDLED')` },
};

/**
 * Which of a region's own records of `kind` the sweep reads at `now`: the open ones that
 * are YELLOW or RED (RED before today in Beijing, YELLOW up to the kit's threshold, as
 * `colourDeadlines` and the statistics count them), from the covering partial indexes of
 * migrations 0006 and 0007.
 */
export function consultationReminderScan(kind: keyof typeof swept, now: Date): ReminderScan {
  const { redBefore, yellowUntil } = colourDeadlines(now);
  const { table, open } = swept[kind];
  return {
    kind,
    table,
    redBefore,
    due: (param) =>
      `${open} AND t.deadline IS NOT NULL AND t.deadline <= ${param(isoDate(yellowUntil))}::date`,
  };
}

/**
 * Records a record's automatic reminder, once (`insertReminder`: null when another sweep
 * was first), and, for a supervision task whose state allows it, a REMIND step with its
 * `supervision-task.step-taken` event, all in one transaction.
 */
export const recordReminder = (
  db: PrismaClient,
  sink: EventSink,
  record: { id: string; region: string; title: string; deadline: Date },
  plan: ReminderPlan,
  now: Date,
): Promise<string | null> =>
  db.$transaction(async (tx) => {
    const { id: recordId, region, title, deadline } = record;
    const { kind, colour, reason, inboxes } = plan;
    const reminder = { kind, recordId, region, title, deadline, colour, reason };
    const id = await insertReminder(tx, reminder, inboxes, now);
    if (id && plan.remindStep)
      await applySupervisionStep(tx, sink, record.id, (current) =>
        takeSupervisionStep(current, { action: 'REMIND', note: plan.reason }, schedulerName, now),
      );
    return id;
  });
