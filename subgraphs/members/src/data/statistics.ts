import { regionWhere } from '@huishang/subgraph-kit';
import type { MemberCountRow } from '../domain/statistics.js';
import type { PrismaClient } from '../generated/prisma/client.js';

/** Members of a region's subtree, counted by committee region and sector. */
export async function memberCountRows(db: PrismaClient, region: string): Promise<MemberCountRow[]> {
  const groups = await db.member.groupBy({
    by: ['region', 'sector'],
    where: regionWhere(region, true),
    _count: { _all: true },
  });
  return groups.map((g) => ({ region: g.region, sector: g.sector, count: g._count._all }));
}
