import { subtreePrefix } from '@huishang/schema';
import type { Colour } from '@huishang/subgraph-kit';
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

/** Counts for a region's subtree, grouped by owner region (and status, category, colour…). */
export async function proposalCountRows(
  db: PrismaClient,
  schema: string,
  region: string,
  now: Date,
): Promise<ProposalCountRow[]> {
  const { sql, values } = tallyStatement(schema, region, now);
  const rows = await db.$queryRawUnsafe<TallyRow[]>(sql, ...values);
  return rows.map(countRow);
}
