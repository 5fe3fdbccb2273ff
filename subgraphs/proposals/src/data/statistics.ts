import { subtreePrefix } from '@huishang/schema';
import { type Colour, instantBounds, type Period } from '@huishang/subgraph-kit';
import { colourCondition } from '../domain/search-filter.js';
import type { ProposalCountRow } from '../domain/statistics.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import type {
  CrossTermOutcome,
  ProposalCategory,
  ProposalStatus,
  Satisfaction,
} from '../generated/prisma/enums.js';
import { colourSql } from './colour-sql.js';

const colours: Colour[] = ['RED', 'YELLOW', 'GREEN'];

/** One row of the statement below: `key` is the status, category, outcome, rating or colour. */
interface TallyRow {
  kind: ProposalCountRow['kind'];
  region: string;
  key: string | null;
  count: number;
  days: number | null;
}

/**
 * Every count of a subtree in ONE statement over the tallies the triggers of migrations
 * 0004 and 0006 keep in step with every write of a proposal or an evaluation, one for each
 * figure (status with the handling time, category, cross-term outcome, rating, deadline):
 * a province's figures are a few thousand rows, not a million proposals. The deadline
 * tally is counted by colour on `now`'s day under the colour filter's own conditions
 * (`colourSql`), so a colour's count is what its list holds.
 */
function tallyStatement(schema: string, region: string, now: Date) {
  const values: unknown[] = [subtreePrefix(region)];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  const colour = `CASE ${colours
    .map((c) => `WHEN ${colourSql(colourCondition(c, now), param, schema, 'd')} THEN '${c}'`)
    .join(' ')} END`;
  const sql = `
  SELECT 'status' AS kind, region, status::text AS key, count, NULL::float8 AS days
    FROM "${schema}".proposal_status_tally WHERE starts_with(region, $1) AND count > 0
  UNION ALL
  SELECT 'handled', region, NULL, sum(handled_count)::int, sum(handled_ms)::float8 / 86400000
    FROM "${schema}".proposal_status_tally
   WHERE starts_with(region, $1) AND handled_count > 0 GROUP BY region
  UNION ALL
  SELECT 'category', region, category::text, count, NULL
    FROM "${schema}".proposal_category_tally WHERE starts_with(region, $1) AND count > 0
  UNION ALL
  SELECT 'crossTerm', region, outcome::text, count, NULL
    FROM "${schema}".proposal_outcome_tally WHERE starts_with(region, $1) AND count > 0
  UNION ALL
  SELECT 'rating', region, rating::text, count, NULL
    FROM "${schema}".proposal_rating_tally WHERE starts_with(region, $1) AND count > 0
  UNION ALL
  SELECT 'colour', region, colour, sum(count)::int, NULL
    FROM (SELECT d.region, ${colour} AS colour, d.count
            FROM "${schema}".proposal_deadline_tally d
           WHERE starts_with(d.region, $1) AND d.count > 0) coloured
   WHERE colour IS NOT NULL
   GROUP BY region, colour`;
  return { sql, values };
}

/** The first day of the month after `day`'s (ISO days). */
const nextMonth = (day: string) => {
  const [year, month] = day.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10);
};
const dayAfter = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
/** Midnight in Beijing starting `day`, as the periods count days (`instantBounds`). */
const beijingMidnight = (day: string) => new Date(`${day}T00:00:00+08:00`);

/**
 * A period as whole months (`[first, end)` of first days, either open) and the days left
 * at its ends, as bounds on a moment: the months are read from the month tallies, the
 * days from the proposals. A period of days within one month is all days.
 */
function splitPeriod(period: Period) {
  const first =
    period.from === null || period.from.endsWith('-01') ? period.from : nextMonth(period.from);
  const after = period.to === null ? null : dayAfter(period.to);
  const end = after === null || after.endsWith('-01') ? after : `${after.slice(0, 7)}-01`;
  if (first !== null && end !== null && first >= end)
    return { months: null, days: [instantBounds(period)] };
  const days: { gte?: Date; lt?: Date }[] = [];
  if (period.from !== null && first !== null && first !== period.from)
    days.push({ gte: beijingMidnight(period.from), lt: beijingMidnight(first) });
  if (after !== null && end !== null && end !== after)
    days.push({ gte: beijingMidnight(end), lt: beijingMidnight(after) });
  return { months: { first, end }, days };
}

/**
 * The same counts as `tallyStatement`, for the proposals submitted within `period` (its
 * days in Beijing) and of its term, in ONE statement: its whole months from the month
 * tallies (migration 0012, kept by the same triggers as 0006's, per term and month of
 * submission in Beijing), the days of a partial month at either end from the proposals
 * themselves. Each figure follows its tally's trigger: handling time as the rounded
 * milliseconds from assignment to reply, ratings the proposers', colours of those under
 * handling with a deadline under `colourSql`.
 *
 * At a province's million proposals (`npm run bench:dashboard`) a year was a third of a
 * million rows grouped, 0.75 s even from the covering index of 0010; its months are a few
 * ten thousand tally rows. The days are read from that index alone, every figure but the
 * ratings counted in one pass over them (one grouping set a figure, told apart by
 * `GROUPING()`), the ratings in a second that joins the proposers' evaluations.
 */
function periodStatement(schema: string, region: string, now: Date, period: Period) {
  const values: unknown[] = [subtreePrefix(region)];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  const colourOf = () =>
    `CASE ${colours
      .map((c) => `WHEN ${colourSql(colourCondition(c, now), param, schema, 'd')} THEN '${c}'`)
      .join(' ')} END`;
  const term = () => (period.term !== null ? ` AND term = ${param(period.term)}::int` : '');
  const { months, days } = splitPeriod(period);
  const parts: string[] = [];
  if (days.length > 0) {
    const ranges = days.map((range) =>
      [
        range.gte ? `d.submitted_at >= ${param(range.gte)}::timestamptz` : 'true',
        range.lt ? `d.submitted_at < ${param(range.lt)}::timestamptz` : 'true',
      ].join(' AND '),
    );
    // GROUPING(status, category, cross_term_outcome, colour): a bit set for each column a
    // row is not grouped by, the first the highest
    const sets = { status: 7, category: 11, crossTerm: 13, colour: 14, handled: 15 };
    parts.push(`
  WITH p AS NOT MATERIALIZED (
    SELECT d.id, d.region, d.status, d.category, d.cross_term_outcome,
           CASE WHEN d.deadline IS NOT NULL THEN ${colourOf()} END AS colour,
           CASE WHEN d.assigned_at IS NOT NULL AND d.replied_at IS NOT NULL
                THEN round(extract(epoch FROM d.replied_at - d.assigned_at) * 1000)::bigint END
             AS handled_ms
      FROM "${schema}"."proposal" d
     WHERE starts_with(d.region, $1) AND (${ranges.map((r) => `(${r})`).join(' OR ')})${term()}),
  g AS (
    SELECT region, status, category, cross_term_outcome, colour,
           GROUPING(status, category, cross_term_outcome, colour) AS set,
           count(*)::int AS count, count(handled_ms)::int AS handled,
           sum(handled_ms)::float8 / 86400000 AS days
      FROM p
     GROUP BY GROUPING SETS ((region, status), (region, category), (region, cross_term_outcome),
                             (region, colour), (region)))
  SELECT 'status' AS kind, region, status::text AS key, count, NULL::float8 AS days
    FROM g WHERE set = ${sets.status}
  UNION ALL
  SELECT 'handled', region, NULL, handled, days FROM g WHERE set = ${sets.handled} AND handled > 0
  UNION ALL
  SELECT 'category', region, category::text, count, NULL FROM g WHERE set = ${sets.category}
  UNION ALL
  SELECT 'crossTerm', region, cross_term_outcome::text, count, NULL
    FROM g WHERE set = ${sets.crossTerm} AND cross_term_outcome IS NOT NULL
  UNION ALL
  SELECT 'colour', region, colour, count, NULL
    FROM g WHERE set = ${sets.colour} AND colour IS NOT NULL
  UNION ALL
  SELECT 'rating', p.region, e.rating::text, count(*)::int, NULL
    FROM p JOIN "${schema}"."proposal_evaluation" e ON e.proposal_id = p.id
   WHERE e.by = 'PROPOSER' GROUP BY p.region, e.rating`);
  }
  if (months) {
    const inMonths = [
      months.first !== null ? ` AND month >= ${param(months.first)}::date` : '',
      months.end !== null ? ` AND month < ${param(months.end)}::date` : '',
    ].join('');
    const where = `WHERE starts_with(region, $1)${inMonths}${term()}`;
    parts.push(`
  WITH m AS MATERIALIZED (SELECT * FROM "${schema}"."proposal_month_tally" ${where})
  SELECT 'status' AS kind, region, status::text AS key, sum(count)::int AS count,
         NULL::float8 AS days
    FROM m GROUP BY region, status
  UNION ALL
  SELECT 'handled', region, NULL, sum(handled_count)::int, sum(handled_ms)::float8 / 86400000
    FROM m GROUP BY region HAVING sum(handled_count) > 0
  UNION ALL
  SELECT 'category', region, category::text, sum(count)::int, NULL FROM m GROUP BY region, category
  UNION ALL
  SELECT 'crossTerm', region, outcome::text, sum(count)::int, NULL
    FROM m WHERE outcome IS NOT NULL GROUP BY region, outcome
  UNION ALL
  SELECT 'colour', region, colour, sum(count)::int, NULL
    FROM (SELECT d.region, ${colourOf()} AS colour, d.count FROM m d WHERE d.deadline IS NOT NULL) coloured
   WHERE colour IS NOT NULL GROUP BY region, colour
  UNION ALL
  SELECT 'rating', region, rating::text, sum(count)::int, NULL
    FROM "${schema}"."proposal_month_rating_tally" ${where} GROUP BY region, rating`);
  }
  const sql = `
  SELECT kind, region, key, sum(count)::int AS count, sum(days)::float8 AS days
    FROM (${parts.map((part) => `SELECT * FROM (${part}) part`).join(' UNION ALL ')}) parts
   GROUP BY kind, region, key`;
  return { sql, values };
}

/** The domain's row for one row of the statement. */
function countRow(r: TallyRow): ProposalCountRow {
  const { region, count } = r;
  switch (r.kind) {
    case 'status':
      return { region, kind: 'status', status: r.key as ProposalStatus, count };
    case 'category':
      return { region, kind: 'category', category: r.key as ProposalCategory, count };
    case 'handled':
      return { region, kind: 'handled', count, days: r.days ?? 0 };
    case 'crossTerm':
      return { region, kind: 'crossTerm', outcome: r.key as CrossTermOutcome, count };
    case 'rating':
      return { region, kind: 'rating', rating: r.key as Satisfaction, count };
    case 'colour':
      return { region, kind: 'colour', colour: r.key as Colour, count };
  }
}

/**
 * Counts for a region's subtree, grouped by owner region (and status, category, colour…):
 * from the tallies, or, for a period, from that period's proposals.
 */
export async function proposalCountRows(
  db: PrismaClient,
  schema: string,
  region: string,
  now: Date,
  period: Period | null = null,
): Promise<ProposalCountRow[]> {
  const { sql, values } = period
    ? periodStatement(schema, region, now, period)
    : tallyStatement(schema, region, now);
  const rows = await db.$queryRawUnsafe<TallyRow[]>(sql, ...values);
  return rows.map(countRow);
}
