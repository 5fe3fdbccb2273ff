import {
  chinaDateAtUtcMidnight,
  insertReminder,
  type OutboxAddress,
  type ReminderScan,
} from '@huishang/subgraph-kit';
import { handlingStatuses } from '../domain/proposal-lifecycle.js';
import type { ReminderPlan } from '../domain/reminders.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { applyUrge } from './lifecycle.js';
import type { ProposalDetail } from './proposals.js';

/**
 * Which of a region's own proposals (not replicas) the sweep reads at `now`: those under
 * handling that are RED (the deadline before today in China) or YELLOW (from yellow-from
 * to the deadline), on `chinaDateAtUtcMidnight(now)`, with the statuses under handling written out so that
 * the covering partial index of migration 0009 serves the scan by itself (index only). A
 * province node whose 50,000 proposals under handling hold 30,000 already reminded yellow
 * or red ones answers in about 0.1 s (a million proposals in all).
 */
export const proposalReminderScan = (now: Date): ReminderScan => ({
  kind: 'PROPOSAL',
  table: 'proposal',
  redBefore: chinaDateAtUtcMidnight(now),
  // enum constants of the domain, never input
  due: () =>
    `t.status IN (${handlingStatuses.map((status) => `'${status}'`).join(', ')})
     AND (t.deadline < $2::date OR (t.deadline >= $2::date AND t.yellow_from <= $2::date))`,
});

/**
 * Records a proposal's automatic reminder, once (`insertReminder`: null when another sweep
 * was first). In the same transaction: the 催办 on the proposal with its
 * `proposal.reminded` event, as a manual reminder writes them, so upper nodes see it. A
 * proposal changed since `current` was read refuses the whole (VersionConflictError).
 */
export const recordProposalReminder = (
  db: PrismaClient,
  sink: OutboxAddress,
  current: ProposalDetail & { deadline: Date },
  plan: ReminderPlan,
  now: Date,
): Promise<string | null> =>
  db.$transaction(async (tx) => {
    const { id: recordId, region, title, deadline } = current;
    const { colour, reason, inboxes } = plan;
    const reminder = { kind: 'PROPOSAL' as const, recordId, region, title, deadline };
    const id = await insertReminder(tx, { ...reminder, colour, reason }, inboxes, now);
    if (id) await applyUrge(tx, sink, current, plan.urge, now);
    return id;
  });
