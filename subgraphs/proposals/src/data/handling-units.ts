import { randomUUID } from 'node:crypto';
import { instantBounds, type Period } from '@huishang/subgraph-kit';
import {
  chineseCollator,
  type DirectoryEntry,
  type UnitCountRow,
  type UnitDefinition,
} from '../domain/handling-units.js';
import { colourCondition } from '../domain/search-filter.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { colourSql } from './colour-sql.js';

const withParent = { parent: { select: { name: true } } } as const;

/** An entry as the contract shows it: its parent by name. */
const entryOf = <T extends { parent: { name: string } | null }>({ parent, ...entry }: T) => ({
  ...entry,
  parentName: parent?.name ?? null,
});

/** A committee's directory, in Chinese order of the names. */
export async function findDirectory(db: PrismaClient, region: string) {
  const rows = await db.handlingUnitEntry.findMany({ where: { region }, include: withParent });
  return rows.map(entryOf).sort((a, b) => chineseCollator.compare(a.name, b.name));
}

/** The names of a committee's directory; empty while it has none. */
export async function findDirectoryNames(db: PrismaClient, region: string): Promise<Set<string>> {
  const rows = await db.handlingUnitEntry.findMany({ where: { region }, select: { name: true } });
  return new Set(rows.map((r) => r.name));
}

/**
 * Defines a unit in one transaction: the committee's directory is locked (a transaction
 * advisory lock on its region), read, checked by `plan` and written, so two definitions at
 * once cannot make a cycle between them, and a refused one writes nothing.
 */
export const defineHandlingUnit = (
  db: PrismaClient,
  region: string,
  plan: (known: DirectoryEntry[]) => UnitDefinition,
  updatedBy: string,
  now: Date,
) =>
  db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`handling_unit_entry:${region}`}))`;
    // the committee's own directory only: another committee's units are not the caller's to see
    const known = await tx.handlingUnitEntry.findMany({
      where: { region },
      select: { id: true, region: true, name: true, parentId: true },
    });
    const unit = plan(known);
    const data = { kind: unit.kind, parentId: unit.parentId, updatedBy, updatedAt: now };
    const row = unit.id
      ? await tx.handlingUnitEntry.update({ where: { id: unit.id }, data, include: withParent })
      : await tx.handlingUnitEntry.create({
          data: { id: randomUUID(), region, name: unit.name, ...data },
          include: withParent,
        });
    return entryOf(row);
  });

/** One row of the statement below. */
interface CountRow {
  name: string;
  as_lead: number;
  as_co: number;
  replied: number;
  overdue: number;
  handled: number;
  handled_days: number | null;
  adopted: number;
  partly_adopted: number;
  explained: number;
  not_adopted: number;
  satisfied: number;
  basic: number;
  unsatisfied: number;
}

/**
 * A committee's counts per unit name in ONE statement, grouped in SQL over the committee's
 * own proposals (`region` exactly; of `period`, by the day submitted in Beijing and by term,
 * as proposalStatistics counts them):
 * - assigned as lead or co-handler: the proposal's `handling_unit` rows;
 * - replied: the unit has answered every item it handles in the proposal's current round
 *   (a unit imported without items counts once the proposal is replied);
 * - overdue: not replied, and the proposal RED (under handling, past its deadline) under the
 *   colour filter's own condition;
 * - items answered by outcome: the unit's latest answer to each item;
 * - ratings: the proposers' ratings (every round, as proposalStatistics) of the proposals
 *   it led;
 * - handling days: from assignment to the unit's last first-round answer, for units that
 *   answered all their items in the first round.
 */
export async function handlingUnitCountRows(
  db: PrismaClient,
  schema: string,
  region: string,
  now: Date,
  period: Period | null,
): Promise<UnitCountRow[]> {
  const values: unknown[] = [region];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  const submitted = instantBounds(period);
  const within = [
    submitted.gte ? `submitted_at >= ${param(submitted.gte)}::timestamptz` : null,
    submitted.lt ? `submitted_at < ${param(submitted.lt)}::timestamptz` : null,
    period && period.term !== null ? `term = ${param(period.term)}::int` : null,
  ].flatMap((condition) => (condition ? [` AND ${condition}`] : []));
  const red = colourSql(colourCondition('RED', now), param, schema, 'u');
  const s = `"${schema}"`;
  const sql = `
  WITH p AS MATERIALIZED (
    SELECT id, status, round, deadline, assigned_at, replied_at
      FROM ${s}."proposal" WHERE region = $1${within.join('')}),
  a AS MATERIALIZED (
    SELECT hu.name, hu.role, hu.proposal_id, cardinality(hu.suggestion_seqs) AS items,
           p.status, p.round, p.deadline, p.assigned_at, p.replied_at
      FROM ${s}.handling_unit hu JOIN p ON p.id = hu.proposal_id),
  r AS (
    SELECT r.proposal_id, r.unit,
           count(DISTINCT r.suggestion_seq) FILTER (WHERE r.round = p.round) AS answered_now,
           count(DISTINCT r.suggestion_seq) FILTER (WHERE r.round = 1) AS answered_first,
           max(r.replied_at) FILTER (WHERE r.round = 1) AS first_replied_at
      FROM ${s}.item_reply r JOIN p ON p.id = r.proposal_id
     GROUP BY r.proposal_id, r.unit),
  u AS (
    SELECT a.name, a.role, a.status, a.deadline,
           CASE WHEN a.items = 0 THEN a.replied_at IS NOT NULL
                ELSE coalesce(r.answered_now, 0) >= a.items END AS replied,
           CASE WHEN a.items > 0 AND r.answered_first >= a.items AND a.assigned_at IS NOT NULL
                THEN extract(epoch FROM r.first_replied_at - a.assigned_at) / 86400 END AS days
      FROM a LEFT JOIN r ON r.proposal_id = a.proposal_id AND r.unit = a.name),
  counts AS (
    SELECT u.name,
           count(*) FILTER (WHERE u.role = 'LEAD')::int AS as_lead,
           count(*) FILTER (WHERE u.role = 'CO')::int AS as_co,
           count(*) FILTER (WHERE u.replied)::int AS replied,
           count(*) FILTER (WHERE NOT u.replied AND ${red})::int AS overdue,
           count(u.days)::int AS handled,
           sum(u.days)::float8 AS handled_days
      FROM u GROUP BY u.name),
  outcomes AS (
    SELECT latest.unit AS name,
           count(*) FILTER (WHERE latest.outcome = 'ADOPTED')::int AS adopted,
           count(*) FILTER (WHERE latest.outcome = 'PARTLY_ADOPTED')::int AS partly_adopted,
           count(*) FILTER (WHERE latest.outcome = 'EXPLAINED')::int AS explained,
           count(*) FILTER (WHERE latest.outcome = 'NOT_ADOPTED')::int AS not_adopted
      FROM (SELECT DISTINCT ON (r.proposal_id, r.suggestion_seq, r.unit) r.unit, r.outcome
              FROM ${s}.item_reply r JOIN p ON p.id = r.proposal_id
             ORDER BY r.proposal_id, r.suggestion_seq, r.unit, r.round DESC) latest
     GROUP BY latest.unit),
  ratings AS (
    SELECT a.name,
           count(*) FILTER (WHERE e.rating = 'SATISFIED')::int AS satisfied,
           count(*) FILTER (WHERE e.rating = 'BASIC')::int AS basic,
           count(*) FILTER (WHERE e.rating = 'UNSATISFIED')::int AS unsatisfied
      FROM a JOIN ${s}.proposal_evaluation e ON e.proposal_id = a.proposal_id AND e.by = 'PROPOSER'
     WHERE a.role = 'LEAD' GROUP BY a.name)
  SELECT c.*,
         coalesce(o.adopted, 0) AS adopted, coalesce(o.partly_adopted, 0) AS partly_adopted,
         coalesce(o.explained, 0) AS explained, coalesce(o.not_adopted, 0) AS not_adopted,
         coalesce(g.satisfied, 0) AS satisfied, coalesce(g.basic, 0) AS basic,
         coalesce(g.unsatisfied, 0) AS unsatisfied
    FROM counts c LEFT JOIN outcomes o USING (name) LEFT JOIN ratings g USING (name)`;
  const rows = await db.$queryRawUnsafe<CountRow[]>(sql, ...values);
  return rows.map((r) => ({
    name: r.name,
    asLead: r.as_lead,
    asCo: r.as_co,
    replied: r.replied,
    overdue: r.overdue,
    handled: r.handled,
    handledDays: r.handled_days,
    outcomes: {
      ADOPTED: r.adopted,
      PARTLY_ADOPTED: r.partly_adopted,
      EXPLAINED: r.explained,
      NOT_ADOPTED: r.not_adopted,
    },
    satisfied: r.satisfied,
    basic: r.basic,
    unsatisfied: r.unsatisfied,
  }));
}
