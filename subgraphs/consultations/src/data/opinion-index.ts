import { instantBounds, type Period, regionWhere } from '@huishang/subgraph-kit';
import { opinionHandlingStates } from '../domain/colour.js';
import type { OpinionCountRow } from '../domain/opinion-index.js';
import type { PrismaClient } from '../generated/prisma/client.js';

/**
 * The subtree's items counted by the database: one row per region, status, satisfaction
 * and submitter, and the overdue ones (past `today` in Beijing) per region; with `period`,
 * only the items submitted on its days in Beijing.
 */
export async function opinionCountRows(
  db: PrismaClient,
  region: string,
  today: Date,
  period: Period | null = null,
): Promise<OpinionCountRow[]> {
  const where = {
    ...regionWhere(region, true),
    ...(period ? { createdAt: instantBounds(period) } : {}),
  };
  const [groups, overdue] = await Promise.all([
    db.opinionItem.groupBy({
      by: ['region', 'status', 'satisfaction', 'submitterId'],
      where,
      _count: { _all: true },
    }),
    db.opinionItem.groupBy({
      by: ['region'],
      where: { ...where, status: { in: [...opinionHandlingStates] }, deadline: { lt: today } },
      _count: { _all: true },
    }),
  ]);
  return [
    ...groups.map((g) => ({
      region: g.region,
      status: g.status,
      satisfaction: g.satisfaction,
      submitterId: g.submitterId,
      items: g._count._all,
      overdue: 0,
    })),
    ...overdue.map((o) => ({
      region: o.region,
      status: null,
      satisfaction: null,
      submitterId: null,
      items: 0,
      overdue: o._count._all,
    })),
  ];
}
