import { regionWhere } from '@huishang/subgraph-kit';
import type { ProposalCountRow } from '../domain/statistics.js';
import type { PrismaClient } from '../generated/prisma/client.js';

const dayMs = 86_400_000;

/**
 * Counts for a region's subtree, grouped by owner region (and status, category, deadline),
 * read from the tallies the triggers of migration 0004 keep in step with every write of a
 * proposal or an evaluation: a province's figures are a few thousand tally rows, not a
 * million proposals.
 */
export async function proposalCountRows(
  db: PrismaClient,
  region: string,
): Promise<ProposalCountRow[]> {
  const where = regionWhere(region, true);
  const [byStatus, byDeadline, handled, ratings, crossTerm] = await Promise.all([
    db.proposalTally.groupBy({
      by: ['region', 'status', 'category'],
      where,
      _sum: { count: true },
    }),
    db.proposalDeadlineTally.findMany({
      where,
      select: { region: true, status: true, deadline: true, yellowFrom: true, count: true },
    }),
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
