import { regionWhere } from '@huishang/subgraph-kit';
import type { ProposalCountRow } from '../domain/statistics.js';
import type { PrismaClient } from '../generated/prisma/client.js';

const dayMs = 86_400_000;

/**
 * Counts for a region's subtree, grouped in the database by owner region (and status,
 * category, deadline); only replied proposals' handling times and proposers' ratings are
 * read row by row.
 */
export async function proposalCountRows(
  db: PrismaClient,
  region: string,
): Promise<ProposalCountRow[]> {
  const where = regionWhere(region, true);
  const [byStatus, byDeadline, handled, ratings, crossTerm] = await Promise.all([
    db.proposal.groupBy({ by: ['region', 'status', 'category'], where, _count: { _all: true } }),
    db.proposal.groupBy({
      by: ['region', 'status', 'deadline', 'yellowFrom'],
      where: { ...where, deadline: { not: null } },
      _count: { _all: true },
    }),
    db.proposal.findMany({
      where: { ...where, assignedAt: { not: null }, repliedAt: { not: null } },
      select: { region: true, assignedAt: true, repliedAt: true },
    }),
    db.proposalEvaluation.findMany({
      where: { by: 'PROPOSER', proposal: where },
      select: { rating: true, proposal: { select: { region: true } } },
    }),
    db.proposal.groupBy({
      by: ['region', 'crossTermOutcome'],
      where: { ...where, crossTermOutcome: { not: null } },
      _count: { _all: true },
    }),
  ]);
  return [
    ...byStatus.map((r) => ({
      region: r.region,
      kind: 'status' as const,
      status: r.status,
      category: r.category,
      count: r._count._all,
    })),
    ...byDeadline.map((r) => ({
      region: r.region,
      kind: 'deadline' as const,
      status: r.status,
      deadline: r.deadline,
      yellowFrom: r.yellowFrom,
      count: r._count._all,
    })),
    ...handled.map((r) => ({
      region: r.region,
      kind: 'handled' as const,
      days: ((r.repliedAt as Date).getTime() - (r.assignedAt as Date).getTime()) / dayMs,
    })),
    ...ratings.map((r) => ({
      region: r.proposal.region,
      kind: 'rating' as const,
      rating: r.rating,
    })),
    ...crossTerm.flatMap((r) =>
      r.crossTermOutcome
        ? [
            {
              region: r.region,
              kind: 'crossTerm' as const,
              outcome: r.crossTermOutcome,
              count: r._count._all,
            },
          ]
        : [],
    ),
  ];
}
