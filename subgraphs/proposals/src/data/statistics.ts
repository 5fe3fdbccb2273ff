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
 * the proposals themselves, once, in ONE statement over that period's rows. Each figure
 * follows its tally's trigger (migration 0006): handling time as the rounded milliseconds
 * from assignment to reply, ratings the proposers', colours of those under handling with
 * a deadline under `colourSql`.
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
  const sql = `
  WITH p AS MATERIALIZED (
    SELECT id, region, status, category, cross_term_outcome, deadline, yellow_from,
           CASE WHEN assigned_at IS NOT NULL AND replied_at IS NOT NULL
                THEN round(extract(epoch FROM replied_at - assigned_at) * 1000)::bigint END
             AS handled_ms
      FROM "${schema}"."proposal"
     WHERE starts_with(region, $1)${within.join('')})
  SELECT 'status' AS kind, region, status::text AS key, count(*)::int AS count, NULL::float8 AS days
    FROM p GROUP BY region, status
  UNION ALL
  SELECT 'handled', region, NULL, count(*)::int, sum(handled_ms)::float8 / 86400000
    FROM p WHERE handled_ms IS NOT NULL GROUP BY region
  UNION ALL
  SELECT 'category', region, category::text, count(*)::int, NULL FROM p GROUP BY region, category
  UNION ALL
  SELECT 'crossTerm', region, cross_term_outcome::text, count(*)::int, NULL
    FROM p WHERE cross_term_outcome IS NOT NULL GROUP BY region, cross_term_outcome
  UNION ALL
  SELECT 'rating', p.region, e.rating::text, count(*)::int, NULL
    FROM p JOIN "${schema}"."proposal_evaluation" e ON e.proposal_id = p.id
   WHERE e.by = 'PROPOSER' GROUP BY p.region, e.rating
  UNION ALL
  SELECT 'colour', region, colour, count(*)::int, NULL
    FROM (SELECT d.region, ${colour} AS colour FROM p d WHERE d.deadline IS NOT NULL) coloured
   WHERE colour IS NOT NULL
   GROUP BY region, colour`;
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
