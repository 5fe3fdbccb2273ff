import { type Inbox, isoDate, newId } from '@huishang/subgraph-kit';
import type { EventSink } from '@huishang/subgraph-kit/bus';
import { colourDay } from '../domain/colour.js';
import { handlingStatuses } from '../domain/proposal-lifecycle.js';
import type { ReminderPlan } from '../domain/reminders.js';
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import type { ReminderColour, TaskKind } from '../generated/prisma/enums.js';
import { applyUrge } from './lifecycle.js';
import type { ProposalDetail } from './proposals.js';

/** A proposal the sweep may remind, and the colour it was last reminded of for its deadline. */
export interface ReminderCandidate {
  id: string;
  lastReminded: ReminderColour | null;
}

/**
 * A page of `region`'s own proposals (not replicas) that are YELLOW or RED at `now` and
 * were not yet reminded of that colour, or a later one, for their present deadline, after
 * `afterId` in id order. The colours are `colourCondition`'s, on `colourDay` (RED: the deadline before
 * today in China; YELLOW: from yellow-from to the deadline), with the statuses under
 * handling written out so that the covering partial index of migration 0009 serves the
 * scan by itself (index only), and the candidates gathered first (MATERIALIZED), lest the
 * planner walk every proposal of the region in id order for the LIMIT. A province node
 * whose 50,000 proposals under handling hold 30,000 already reminded yellow or red ones
 * answers in about 0.1 s (a million proposals in all; the reminded ones cost a probe each
 * of the reminder key).
 */
export async function findReminderCandidates(
  db: PrismaClient,
  schema: string,
  region: string,
  now: Date,
  afterId: string | null,
  take: number,
): Promise<ReminderCandidate[]> {
  const values: unknown[] = [region, isoDate(colourDay(now)), take];
  const after = afterId ? `AND p.id > $${values.push(afterId)}::uuid` : '';
  // enum constants of the domain, never input
  const handling = handlingStatuses.map((status) => `'${status}'`).join(', ');
  return db.$queryRawUnsafe<ReminderCandidate[]>(
    `WITH due AS MATERIALIZED (
       SELECT p.id, p.deadline,
              (CASE WHEN p.deadline < $2::date THEN 'RED' ELSE 'YELLOW' END)::"${schema}"."ReminderColour" AS colour
         FROM "${schema}".proposal p
        WHERE p.region = $1 AND p.status IN (${handling})
          AND (p.deadline < $2::date OR (p.deadline >= $2::date AND p.yellow_from <= $2::date)) ${after}
     )
     SELECT d.id::text AS id, last.colour::text AS "lastReminded"
       FROM due d
       LEFT JOIN LATERAL (
         SELECT max(r.colour) AS colour FROM "${schema}".reminder r
          WHERE r.kind = 'PROPOSAL' AND r.record_id = d.id AND r.deadline = d.deadline
       ) last ON true
      WHERE last.colour IS NULL OR last.colour < d.colour
      ORDER BY d.id
      LIMIT $3`,
    ...values,
  );
}

/**
 * Records a proposal's automatic reminder, once: the reminder's key (record, deadline,
 * colour) is inserted first with ON CONFLICT DO NOTHING, so of two sweeps at the same
 * moment the second waits for the first to commit and then records nothing (null). In
 * the same transaction: the inbox tasks, and the 催办 on the proposal with its
 * `proposal.reminded` event, as a manual reminder writes them, so upper nodes see it. A
 * proposal changed since `current` was read refuses the whole (VersionConflictError).
 */
export const recordProposalReminder = (
  db: PrismaClient,
  sink: EventSink,
  current: ProposalDetail & { deadline: Date },
  plan: ReminderPlan,
  now: Date,
): Promise<string | null> =>
  db.$transaction(async (tx) => {
    const id = newId();
    const { count } = await tx.reminder.createMany({
      data: [
        {
          id,
          kind: 'PROPOSAL',
          recordId: current.id,
          region: current.region,
          title: current.title,
          colour: plan.colour,
          deadline: current.deadline,
          reason: plan.reason,
          createdAt: now,
        },
      ],
      skipDuplicates: true,
    });
    if (count === 0) return null;
    await tx.task.createMany({
      data: plan.inboxes.map((inbox) => ({
        id: newId(),
        reminderId: id,
        region: current.region,
        ...inbox,
      })),
    });
    await applyUrge(tx, sink, current, plan.urge, now);
    return id;
  });

/** An inbox item as the contract shows it: the task with its reminder's fields. */
export interface TaskRow {
  id: string;
  kind: TaskKind;
  recordId: string;
  region: string;
  title: string;
  colour: ReminderColour;
  reason: string;
  createdAt: Date;
  readAt: Date | null;
}

const withReminder = { reminder: true } satisfies Prisma.TaskInclude;
type TaskWithReminder = Prisma.TaskGetPayload<{ include: typeof withReminder }>;

const taskRow = ({ reminder, ...task }: TaskWithReminder): TaskRow => ({
  id: task.id,
  kind: reminder.kind,
  recordId: reminder.recordId,
  region: task.region,
  title: reminder.title,
  colour: reminder.colour,
  reason: reminder.reason,
  createdAt: reminder.createdAt,
  readAt: task.readAt,
});

const inboxWhere = (region: string, inboxes: readonly Inbox[]): Prisma.TaskWhereInput => ({
  region,
  OR: inboxes.map(({ addressee, unit }) => ({ addressee, unit })),
});

/** A page of the tasks in `inboxes` of `region`, newest first (ids are UUIDv7). */
export const listTasks = async (
  db: PrismaClient,
  region: string,
  inboxes: readonly Inbox[],
  idBefore: { lt: string } | undefined,
  take: number,
): Promise<TaskRow[]> =>
  (
    await db.task.findMany({
      where: { ...inboxWhere(region, inboxes), ...(idBefore ? { id: idBefore } : {}) },
      include: withReminder,
      orderBy: { id: 'desc' },
      take,
    })
  ).map(taskRow);

export const countTasks = (db: PrismaClient, region: string, inboxes: readonly Inbox[]) =>
  db.task.count({ where: inboxWhere(region, inboxes) });

/**
 * Marks a task of `inboxes` read, the first time only (readAt stays when it was read
 * before); null when no task of those inboxes has that id.
 */
export async function markTaskRead(
  db: PrismaClient,
  id: string,
  region: string,
  inboxes: readonly Inbox[],
  now: Date,
): Promise<TaskRow | null> {
  const where = { id, ...inboxWhere(region, inboxes) };
  await db.task.updateMany({ where: { ...where, readAt: null }, data: { readAt: now } });
  const task = await db.task.findFirst({ where, include: withReminder });
  return task && taskRow(task);
}
