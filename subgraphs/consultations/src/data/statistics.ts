import { regionWhere } from '@huishang/subgraph-kit';
import type { ConsultationCountRow } from '../domain/statistics.js';
import type { PrismaClient } from '../generated/prisma/client.js';

/** One row per consultation in the subtree, with its counts computed by the database. */
export async function consultationCountRows(
  db: PrismaClient,
  region: string,
): Promise<ConsultationCountRow[]> {
  const where = regionWhere(region, true);
  const [consultations, adopted, attended] = await Promise.all([
    db.consultation.findMany({
      where,
      select: {
        id: true,
        region: true,
        platform: true,
        lead: true,
        _count: { select: { participants: true, suggestions: true } },
      },
    }),
    db.suggestion.groupBy({
      by: ['consultationId'],
      where: { consultation: where, adoption: { in: ['ADOPTED', 'PARTLY_ADOPTED'] } },
      _count: { _all: true },
    }),
    db.participant.groupBy({
      by: ['consultationId'],
      where: { consultation: where, attended: true },
      _count: { _all: true },
    }),
  ]);
  const adoptedBy = new Map(adopted.map((a) => [a.consultationId, a._count._all]));
  const attendedBy = new Map(attended.map((a) => [a.consultationId, a._count._all]));
  return consultations.map((c) => ({
    region: c.region,
    platform: c.platform,
    lead: c.lead,
    participants: c._count.participants,
    attended: attendedBy.get(c.id) ?? 0,
    suggestions: c._count.suggestions,
    adopted: adoptedBy.get(c.id) ?? 0,
  }));
}
