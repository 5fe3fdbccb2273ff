import { type Period, regionWhere } from '@huishang/subgraph-kit';
import type { MemberCountRow } from '../domain/statistics.js';
import type { PrismaClient } from '../generated/prisma/client.js';

/**
 * Members of a region's subtree (of `period`'s term, when one is given), counted by
 * committee region and sector.
 */
export async function memberCountRows(
  db: PrismaClient,
  region: string,
  period: Period | null = null,
): Promise<MemberCountRow[]> {
  const groups = await db.member.groupBy({
    by: ['region', 'sector'],
    where: { ...regionWhere(region, true), ...(period?.term ? { term: period.term } : {}) },
    _count: { _all: true },
  });
  return groups.map((g) => ({ region: g.region, sector: g.sector, count: g._count._all }));
}
