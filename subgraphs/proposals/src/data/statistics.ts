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

/**
 * The same counts as `tallyStatement`, for the proposals submitted within `period` (its
 * days in Beijing) and of its term: the tallies have no dates, so these are counted from
 * the proposals themselves, in ONE statement over that period's rows. Each figure follows
 * its tally's trigger (migration 0006): handling time as the rounded milliseconds from
 * assignment to reply, ratings the proposers', colours of those under handling with a
 * deadline under `colourSql`.
 *
 * At a province's million proposals (`npm run bench:dashboard`) the rows are read from
 * the covering index of migration 0010 alone, never from the wide heap, and every figure
 * but the ratings is counted in one pass over them (one grouping set a figure, told apart
 * by `GROUPING()`), the ratings in a second that joins the proposers' evaluations: where
 * each figure once re-read a materialized copy of the period's rows.
 */
function periodStatement(schema: string, region: string, now: Date, period: Period) {
  const values: unknown[] = [subtreePrefix(region)];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  const submitted = instantBounds(period);
  const within = [
    submitted.gte ? `submitted_at >= ${param(submitted.gte)}::timestamptz` : null,
    submitted.lt ? `submitted_at < ${param(submitted.lt)}::timestamptz` : null,
    period.term !== null ? `term = ${param(period.term)}::int` : null,
  ].flatMap((condition) => (condition ? [` AND ${condition}`] : []));
  const colour = `CASE ${colours
    .map((c) => `WHEN ${colourSql(colourCondition(c, now), param, schema, 'd')} THEN '${c}'`)
    .join(' ')} END`;
  // GROUPING(status, category, cross_term_outcome, colour): a bit set for each column a
  // row is not grouped by, the first the highest
  const sets = { status: 7, category: 11, crossTerm: 13, colour: 14, handled: 15 };
  const sql = `
  WITH p AS NOT MATERIALIZED (
    SELECT d.id, d.region, d.status, d.category, d.cross_term_outcome,
           CASE WHEN d.deadline IS NOT NULL THEN ${colour} END AS colour,
           CASE WHEN d.assigned_at IS NOT NULL AND d.replied_at IS NOT NULL
                THEN round(extract(epoch FROM d.replied_at - d.assigned_at) * 1000)::bigint END
             AS handled_ms
      FROM "${schema}"."proposal" d
     WHERE starts_with(d.region, $1)${within.join('')}),
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
   WHERE e.by = 'PROPOSER' GROUP BY p.region, e.rating`;
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
