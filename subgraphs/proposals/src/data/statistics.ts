import { subtreePrefix } from '@huishang/schema';
import { defaultThresholds, isoDate } from '@huishang/subgraph-kit';
import { colourDay } from '../domain/colour.js';
import type { ProposalCountRow } from '../domain/statistics.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import type {
  CrossTermOutcome,
  ProposalCategory,
  ProposalStatus,
  Satisfaction,
} from '../generated/prisma/enums.js';

/** One row of the statement below: `key` is the status, category, outcome or rating. */
interface TallyRow {
  kind: ProposalCountRow['kind'];
  region: string;
  key: string | null;
  count: number;
  days: number | null;
  deadline: Date | null;
  yellowFrom: Date | null;
}

/**
 * Every count of a subtree in ONE statement over the tallies the triggers of migration
 * 0004 keep in step with every write of a proposal or an evaluation, folded by owner region
 * in PostgreSQL: a province's figures are about two thousand rows, not a million proposals
 * nor the tallies' ten thousand. Status and category are counted apart (the figures never
 * cross them). The deadline tally (a row per region, status, deadline and yellow-from day)
 * is folded into the class its colour falls in on `now`'s day (RED: the deadline passed;
 * YELLOW: the yellow-from day, or the default threshold before the deadline, reached; else
 * GREEN), each class handed on as one of its own rows, so the domain still colours each
 * row and counts the class's sum under it.
 */
const tallyStatement = (schema: string) => `
  WITH t AS MATERIALIZED (
    SELECT region, status, category, cross_term_outcome, count, handled_count, handled_ms
      FROM "${schema}".proposal_tally
     WHERE starts_with(region, $1) AND count > 0
  )
  SELECT 'status' AS kind, region, status::text AS key, sum(count)::int AS count,
         NULL::float8 AS days, NULL::date AS deadline, NULL::date AS "yellowFrom"
    FROM t GROUP BY region, status
  UNION ALL
  SELECT 'category', region, category::text, sum(count)::int, NULL, NULL, NULL
    FROM t GROUP BY region, category
  UNION ALL
  SELECT 'handled', region, NULL, sum(handled_count)::int, sum(handled_ms)::float8 / 86400000,
         NULL, NULL
    FROM t WHERE handled_count > 0 GROUP BY region
  UNION ALL
  SELECT 'crossTerm', region, cross_term_outcome::text, sum(count)::int, NULL, NULL, NULL
    FROM t WHERE cross_term_outcome IS NOT NULL GROUP BY region, cross_term_outcome
  UNION ALL
  SELECT 'rating', region, rating::text, count, NULL, NULL, NULL
    FROM "${schema}".proposal_rating_tally WHERE starts_with(region, $1) AND count > 0
  UNION ALL
  SELECT 'deadline', region, status::text, sum(count)::int, NULL,
         (array_agg(deadline ORDER BY deadline, yellow_from))[1],
         (array_agg(yellow_from ORDER BY deadline, yellow_from))[1]
    FROM "${schema}".proposal_deadline_tally
   WHERE starts_with(region, $1) AND count > 0
   GROUP BY region, status,
            CASE WHEN deadline < $2::date THEN 0
                 WHEN coalesce(yellow_from, deadline - $3::int) <= $2::date THEN 1
                 ELSE 2 END`;

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
    case 'deadline':
      return {
        region,
        kind: 'deadline',
        status: r.key as ProposalStatus,
        deadline: r.deadline,
        yellowFrom: r.yellowFrom,
        count,
      };
  }
}

/** Counts for a region's subtree, grouped by owner region (and status, category, colour…). */
export async function proposalCountRows(
  db: PrismaClient,
  schema: string,
  region: string,
  now: Date,
): Promise<ProposalCountRow[]> {
  const rows = await db.$queryRawUnsafe<TallyRow[]>(
    tallyStatement(schema),
    subtreePrefix(region),
    isoDate(colourDay(now)),
    defaultThresholds.yellowWithinDays,
  );
  return rows.map(countRow);
}
