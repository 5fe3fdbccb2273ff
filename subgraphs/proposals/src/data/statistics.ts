import { subtreePrefix } from '@huishang/schema';
import { defaultThresholds, isoDate, regionWhere } from '@huishang/subgraph-kit';
import { colourDay } from '../domain/colour.js';
import type { ProposalCountRow } from '../domain/statistics.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { ProposalStatus } from '../generated/prisma/enums.js';

const dayMs = 86_400_000;

/**
 * The deadline tally of a subtree, one row per owner region, status and colour on `now`'s
 * day: a province has a row per region, status, deadline and yellow-from day (tens of
 * thousands), while a colour needs only their sum. Rows are put in the class their colour
 * falls in (RED: the deadline passed; YELLOW: the yellow-from day, or the default threshold
 * before the deadline, reached; else GREEN) and each class is handed on as one of its own
 * rows, so the domain still colours each row and counts the class's sum under it.
 */
async function deadlineRows(db: PrismaClient, schema: string, region: string, now: Date) {
  return db.$queryRawUnsafe<
    {
      region: string;
      status: ProposalStatus;
      deadline: Date;
      yellowFrom: Date | null;
      count: number;
    }[]
  >(
    `SELECT region, status,
            (array_agg(deadline ORDER BY deadline, yellow_from))[1] AS "deadline",
            (array_agg(yellow_from ORDER BY deadline, yellow_from))[1] AS "yellowFrom",
            sum(count)::int AS count
       FROM "${schema}".proposal_deadline_tally
      WHERE starts_with(region, $1)
      GROUP BY region, status,
               CASE WHEN deadline < $2::date THEN 0
                    WHEN coalesce(yellow_from, deadline - $3::int) <= $2::date THEN 1
                    ELSE 2 END`,
    subtreePrefix(region),
    isoDate(colourDay(now)),
    defaultThresholds.yellowWithinDays,
  );
}

/**
 * Counts for a region's subtree, grouped by owner region (and status, category, deadline),
 * read from the tallies the triggers of migration 0004 keep in step with every write of a
 * proposal or an evaluation: a province's figures are a few thousand tally rows, not a
 * million proposals.
 */
export async function proposalCountRows(
  db: PrismaClient,
  schema: string,
  region: string,
  now: Date,
): Promise<ProposalCountRow[]> {
  const where = regionWhere(region, true);
  const [byStatus, byDeadline, handled, ratings, crossTerm] = await Promise.all([
    db.proposalTally.groupBy({
      by: ['region', 'status', 'category'],
      where,
      _sum: { count: true },
    }),
    deadlineRows(db, schema, region, now),
    db.proposalTally.groupBy({
      by: ['region'],
      where: { ...where, handledCount: { gt: 0 } },
      _sum: { handledCount: true, handledMs: true },
    }),
    db.proposalRatingTally.findMany({ where: { ...where, count: { gt: 0 } } }),
    db.proposalTally.groupBy({
      by: ['region', 'crossTermOutcome'],
      where: { ...where, crossTermOutcome: { not: null } },
      _sum: { count: true },
    }),
  ]);
  return [
    ...byStatus.flatMap((r) =>
      r._sum.count
        ? [
            {
              region: r.region,
              kind: 'status' as const,
              status: r.status,
              category: r.category,
              count: r._sum.count,
            },
          ]
        : [],
    ),
    ...byDeadline.map((r) => ({ ...r, kind: 'deadline' as const })),
    ...handled.flatMap((r) =>
      r._sum.handledCount
        ? [
            {
              region: r.region,
              kind: 'handled' as const,
              count: r._sum.handledCount,
              days: Number(r._sum.handledMs ?? 0) / dayMs,
            },
          ]
        : [],
    ),
    ...ratings.map((r) => ({
      region: r.region,
      kind: 'rating' as const,
      rating: r.rating,
      count: r.count,
    })),
    ...crossTerm.flatMap((r) =>
      r.crossTermOutcome && r._sum.count
        ? [
            {
              region: r.region,
              kind: 'crossTerm' as const,
              outcome: r.crossTermOutcome,
              count: r._sum.count,
            },
          ]
        : [],
    ),
  ];
}
