import {
  chinaDateAtUtcMidnight,
  insertReminder,
  isoDate,
  type OutboxAddress,
  type ReminderScan,
  schedulerName,
} from '@huishang/subgraph-kit';
import { colourDeadlines } from '../domain/colour.js';
import { answerYellowDays, signOffYellowDays } from '../domain/minutes.js';
import type { MinutesStep, ReminderPlan } from '../domain/reminders.js';
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
 * migrations 0006 and 0007 (minutes recipients: `minutesReminderScan`).
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
 * A recipient's open step and its deadline as `planMinutesReminder` computes it: from the
 * day the minutes went out in China (UTC+8), 7 days to sign off, 3 calendar months to
 * answer (PostgreSQL's month arithmetic keeps to the month's last day as `deadlineAfter`).
 */
const minutesSwept: Record<MinutesStep, { open: string; deadline: string; yellowDays: number }> = {
  SIGN_OFF: {
    open: 'r.signed_off_at IS NULL',
    deadline: 'sent_on + 7',
    yellowDays: signOffYellowDays,
  },
  ANSWER: {
    open: 'r.answered_at IS NULL',
    deadline: `(sent_on + interval '3 months')::date`,
    yellowDays: answerYellowDays,
  },
};

/**
 * Which of a region's own minutes recipients the sweep reads at `now` for `step`: those
 * whose step is open (not signed off, not answered) and YELLOW or RED for its deadline,
 * RED before today in Beijing and YELLOW within the step's last days, as `signOffColour`
 * and `answerColour` colour them. A recipient has no deadline column: the query derives
 * it, reading the open recipients from the partial covering indexes of migration 0008
 * and their consultation's region and sending time from its covering index.
 */
export function minutesReminderScan(step: MinutesStep, now: Date): ReminderScan {
  const redBefore = chinaDateAtUtcMidnight(now);
  const { open, deadline, yellowDays } = minutesSwept[step];
  const yellowUntil = new Date(redBefore.getTime() + yellowDays * 86_400_000);
  return {
    kind: 'CONSULTATION_MINUTE',
    table: {
      query: (schema) =>
        `SELECT region, id, ${deadline} AS deadline FROM (
           SELECT c.region, r.id,
                  ((c.minutes_sent_at AT TIME ZONE 'UTC') + interval '8 hours')::date AS sent_on
             FROM ${schema}.minutes_recipient r
             JOIN ${schema}.consultation c ON c.id = r.consultation_id
            WHERE ${open} AND c.minutes_sent_at IS NOT NULL
         ) sent`,
    },
    redBefore,
    due: (param) => `t.deadline <= ${param(isoDate(yellowUntil))}::date`,
  };
}

/**
 * Records a record's automatic reminder, once (`insertReminder`: null when another sweep
 * was first), and, for a supervision task whose state allows it, a REMIND step with its
 * `supervision-task.step-taken` event, all in one transaction.
 */
export const recordReminder = (
  db: PrismaClient,
  sink: OutboxAddress,
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
