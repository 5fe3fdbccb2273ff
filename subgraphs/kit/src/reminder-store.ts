import { schemaOf } from './database.js';
import { newId } from './ids.js';
import type { RawSql } from './raw-sql.js';
import type { Inbox, ReminderColour, TaskKind } from './reminders.js';
import { insertRows, quote } from './sql-rows.js';
import { isoDate } from './validate.js';

// The reminder scheduler's statements run on a region's client or transaction (`RawSql`)
// whose schema holds the `reminder` and `task` tables every reminding subgraph migrates
// alike (proposals 0008, consultations 0006).

/** A record the sweep may remind, and the colour it was last reminded of for its deadline. */
export interface ReminderCandidate {
  id: string;
  lastReminded: ReminderColour | null;
}

/** The records of one kind a sweep reads, and when they are due a reminder. */
export interface ReminderScan {
  kind: TaskKind;
  /**
   * The records' table in the region's schema, read as `t` (region, id, deadline); or, for
   * records whose deadline is derived (several per record, as a minutes recipient's
   * sign-off and answer, one scan each), a query answering those columns over the schema,
   * which it is given quoted.
   */
  table: string | { query(schema: string): string };
  /** A record is RED when its deadline is before this day, else YELLOW. */
  redBefore: Date;
  /**
   * The SQL condition on `t` under which a record is open and YELLOW or RED, written so
   * that the table's covering partial index serves the scan by itself. `$2` is
   * `redBefore` (a date); `param` adds any other value and answers its placeholder.
   */
  due(param: (value: unknown) => string): string;
}

/**
 * A page of `region`'s own records of `scan.kind` that are due (`scan.due`) and were not
 * yet reminded of their colour, or a later one, for their present deadline, after
 * `afterId` in id order: the due records gathered first (MATERIALIZED) from the covering
 * partial index, lest the planner walk every record of the region in id order for the
 * LIMIT; each reminded one costs a probe of the reminder key.
 */
export function findReminderCandidates(
  db: RawSql,
  scan: ReminderScan,
  region: string,
  afterId: string | null,
  take: number,
): Promise<ReminderCandidate[]> {
  const schema = quote(schemaOf(db));
  const values: unknown[] = [region, isoDate(scan.redBefore), scan.kind, take];
  const param = (value: unknown) => `$${values.push(value)}`;
  const due = scan.due(param);
  const after = afterId ? `AND t.id > ${param(afterId)}::uuid` : '';
  const from =
    typeof scan.table === 'string'
      ? `${schema}.${quote(scan.table)}`
      : `(${scan.table.query(schema)})`;
  return db.$queryRawUnsafe<ReminderCandidate[]>(
    `WITH due AS MATERIALIZED (
       SELECT t.id, t.deadline,
              (CASE WHEN t.deadline < $2::date THEN 'RED' ELSE 'YELLOW' END)::${schema}."ReminderColour" AS colour
         FROM ${from} t
        WHERE t.region = $1 AND ${due} ${after}
     )
     SELECT d.id::text AS id, last.colour::text AS "lastReminded"
       FROM due d
       LEFT JOIN LATERAL (
         SELECT max(r.colour) AS colour FROM ${schema}.reminder r
          WHERE r.kind = $3::${schema}."TaskKind" AND r.record_id = d.id AND r.deadline = d.deadline
       ) last ON true
      WHERE last.colour IS NULL OR last.colour < d.colour
      ORDER BY d.id
      LIMIT $4`,
    ...values,
  );
}

/** The reminder of one colour change of one record, as its `reminder` row keeps it. */
export interface NewReminder {
  kind: TaskKind;
  recordId: string;
  region: string;
  title: string;
  colour: ReminderColour;
  deadline: Date;
  reason: string;
}

/**
 * Records a reminder, once, in the caller's transaction `tx`: its key (kind, record,
 * deadline, colour) is inserted first with ON CONFLICT DO NOTHING, so of two sweeps at
 * the same moment the second waits for the first to commit and then records nothing
 * (null), then a task for each of `inboxes`. The caller writes what else the reminder
 * does to the record in the same transaction when an id comes back.
 */
export async function insertReminder(
  tx: RawSql,
  reminder: NewReminder,
  inboxes: readonly Inbox[],
  now: Date,
): Promise<string | null> {
  const id = newId();
  const count = await insertRows(tx, 'reminder', [{ id, ...reminder, createdAt: now }], {
    skipDuplicates: true,
  });
  if (count === 0) return null;
  await insertRows(
    tx,
    'task',
    inboxes.map((inbox) => ({ id: newId(), reminderId: id, region: reminder.region, ...inbox })),
  );
  return id;
}

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

const taskColumns = `t.id::text AS id, r.kind::text AS kind, r.record_id::text AS "recordId",
  t.region, r.title, r.colour::text AS colour, r.reason, r.created_at AS "createdAt",
  t.read_at AS "readAt"`;

/** The tasks of `inboxes` in `region`, as a condition on `t` whose values start at `$1`. */
const inboxCondition = (region: string, inboxes: readonly Inbox[], values: unknown[]) => {
  values.push(
    region,
    inboxes.map((inbox) => inbox.addressee),
    inboxes.map((inbox) => inbox.unit),
  );
  return `t.region = $1 AND (t.addressee::text, t.unit) IN (SELECT * FROM unnest($2::text[], $3::text[]))`;
};

/** A page of the tasks in `inboxes` of `region`, newest first (ids are UUIDv7). */
export function listTasks(
  db: RawSql,
  region: string,
  inboxes: readonly Inbox[],
  idBefore: { lt: string } | undefined,
  take: number,
): Promise<TaskRow[]> {
  const schema = quote(schemaOf(db));
  const values: unknown[] = [];
  const mine = inboxCondition(region, inboxes, values);
  const before = idBefore ? `AND t.id < $${values.push(idBefore.lt)}::uuid` : '';
  return db.$queryRawUnsafe<TaskRow[]>(
    `SELECT ${taskColumns}
       FROM ${schema}.task t JOIN ${schema}.reminder r ON r.id = t.reminder_id
      WHERE ${mine} ${before}
      ORDER BY t.id DESC
      LIMIT $${values.push(take)}`,
    ...values,
  );
}

/** How many tasks `inboxes` of `region` hold. */
export async function countTasks(
  db: RawSql,
  region: string,
  inboxes: readonly Inbox[],
): Promise<number> {
  const values: unknown[] = [];
  const mine = inboxCondition(region, inboxes, values);
  const [row] = await db.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM ${quote(schemaOf(db))}.task t WHERE ${mine}`,
    ...values,
  );
  return row?.n ?? 0;
}

/**
 * Marks a task of `inboxes` read, the first time only (readAt stays when it was read
 * before); null when no task of those inboxes has that id.
 */
export async function markTaskRead(
  db: RawSql,
  id: string,
  region: string,
  inboxes: readonly Inbox[],
  now: Date,
): Promise<TaskRow | null> {
  const schema = quote(schemaOf(db));
  const values: unknown[] = [];
  const mine = `${inboxCondition(region, inboxes, values)} AND t.id = $${values.push(id)}::uuid`;
  await db.$executeRawUnsafe(
    `UPDATE ${schema}.task t SET read_at = $${values.length + 1} WHERE ${mine} AND t.read_at IS NULL`,
    ...values,
    now,
  );
  const [task] = await db.$queryRawUnsafe<TaskRow[]>(
    `SELECT ${taskColumns}
       FROM ${schema}.task t JOIN ${schema}.reminder r ON r.id = t.reminder_id
      WHERE ${mine}`,
    ...values,
  );
  return task ?? null;
}
