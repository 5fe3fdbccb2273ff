import { type Inbox, isoDate, newId, schedulerName } from '@huishang/subgraph-kit';
import type { EventSink } from '@huishang/subgraph-kit/bus';
import { colourDeadlines } from '../domain/colour.js';
import type { ReminderPlan } from '../domain/reminders.js';
import { takeSupervisionStep } from '../domain/supervision-lifecycle.js';
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import type { ReminderColour, TaskKind } from '../generated/prisma/enums.js';
import { applySupervisionStep } from './supervision-tasks.js';

/** A record the sweep may remind, and the colour it was last reminded of for its deadline. */
export interface ReminderCandidate {
  id: string;
  lastReminded: ReminderColour | null;
}

/** The records of one kind a sweep reads: their table and when they are open (coloured). */
const swept: Record<'SUPERVISION_TASK' | 'OPINION_ITEM', { table: string; open: string }> = {
  SUPERVISION_TASK: { table: 'supervision_task', open: `t.status <> 'CLOSED'` },
  OPINION_ITEM: { table: 'opinion_item', open: `t.status IN ('DISPATCHED', 'HANDLED')` },
};

/**
 * A page of `region`'s own records of `kind` that are YELLOW or RED at `now` (RED before
 * today in Beijing, YELLOW up to the kit's threshold, as `colourDeadlines` and the
 * statistics count them) and were not yet reminded of that colour, or a later one, for
 * their present deadline, after `afterId` in id order: gathered first (MATERIALIZED) from
 * the covering partial indexes of migrations 0006 and 0007, lest the planner walk every
 * record of the region in id order for the LIMIT.
 */
export function findReminderCandidates(
  db: PrismaClient,
  schema: string,
  kind: keyof typeof swept,
  region: string,
  now: Date,
  afterId: string | null,
  take: number,
): Promise<ReminderCandidate[]> {
  const { redBefore, yellowUntil } = colourDeadlines(now);
  const values: unknown[] = [region, isoDate(redBefore), isoDate(yellowUntil), kind, take];
  const after = afterId ? `AND t.id > $${values.push(afterId)}::uuid` : '';
  const { table, open } = swept[kind];
  return db.$queryRawUnsafe<ReminderCandidate[]>(
    `WITH due AS MATERIALIZED (
       SELECT t.id, t.deadline,
              (CASE WHEN t.deadline < $2::date THEN 'RED' ELSE 'YELLOW' END)::"${schema}"."ReminderColour" AS colour
         FROM "${schema}"."${table}" t
        WHERE t.region = $1 AND ${open} AND t.deadline IS NOT NULL AND t.deadline <= $3::date ${after}
     )
     SELECT d.id::text AS id, last.colour::text AS "lastReminded"
       FROM due d
       LEFT JOIN LATERAL (
         SELECT max(r.colour) AS colour FROM "${schema}".reminder r
          WHERE r.kind = $4::"${schema}"."TaskKind" AND r.record_id = d.id AND r.deadline = d.deadline
       ) last ON true
      WHERE last.colour IS NULL OR last.colour < d.colour
      ORDER BY d.id
      LIMIT $5`,
    ...values,
  );
}

/**
 * Records a record's automatic reminder, once: the key (record, deadline, colour) first,
 * with ON CONFLICT DO NOTHING (null when another sweep was first: it waits for that one
 * to commit), then the inbox tasks and, for a supervision task whose state allows it, a
 * REMIND step with its `supervision-task.step-taken` event, all in one transaction.
 */
export const recordReminder = (
  db: PrismaClient,
  sink: EventSink,
  record: { id: string; region: string; title: string; deadline: Date },
  plan: ReminderPlan,
  now: Date,
): Promise<string | null> =>
  db.$transaction(async (tx) => {
    const id = newId();
    const { count } = await tx.reminder.createMany({
      data: [
        {
          id,
          kind: plan.kind,
          recordId: record.id,
          region: record.region,
          title: record.title,
          colour: plan.colour,
          deadline: record.deadline,
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
        region: record.region,
        ...inbox,
      })),
    });
    if (plan.remindStep)
      await applySupervisionStep(tx, sink, record.id, (current) =>
        takeSupervisionStep(current, { action: 'REMIND', note: plan.reason }, schedulerName, now),
      );
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

/** Marks a task of `inboxes` read, the first time only; null when none of theirs has that id. */
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
