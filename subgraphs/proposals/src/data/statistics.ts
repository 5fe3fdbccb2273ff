import { subtreePrefix } from '@huishang/schema';
import { type Colour, defaultThresholds, isoDate } from '@huishang/subgraph-kit';
import { colourDay } from '../domain/colour.js';
import type { ProposalCountRow } from '../domain/statistics.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import type {
  CrossTermOutcome,
  ProposalCategory,
  ProposalStatus,
  Satisfaction,
} from '../generated/prisma/enums.js';

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
 * tally is folded into colours on `now`'s day by the rule of `proposalColour`: RED when the
 * deadline passed, YELLOW from the yellow-from day (the default threshold before the
 * deadline when none was stored), else GREEN.
 */
const tallyStatement = (schema: string) => `
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
  SELECT 'colour', region,
         CASE WHEN deadline < $2::date THEN 'RED'
              WHEN coalesce(yellow_from, deadline - $3::int) <= $2::date THEN 'YELLOW'
              ELSE 'GREEN' END,
         sum(count)::int, NULL
    FROM "${schema}".proposal_deadline_tally
   WHERE starts_with(region, $1) AND count > 0
   GROUP BY 2, 3`;

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
  const rows = await db.$queryRawUnsafe<TallyRow[]>(
    tallyStatement(schema),
    subtreePrefix(region),
    isoDate(colourDay(now)),
    defaultThresholds.yellowWithinDays,
  );
  return rows.map(countRow);
}
