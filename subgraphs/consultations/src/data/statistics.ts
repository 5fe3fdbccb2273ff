import { subtreePrefix } from '@huishang/schema';
import {
  dayBounds,
  instantBounds,
  isoDate,
  type Period,
  regionWhere,
} from '@huishang/subgraph-kit';
import { colourDeadlines } from '../domain/colour.js';
import type { ConsultationCountRow, SupervisionCountRow } from '../domain/statistics.js';
import type { PrismaClient } from '../generated/prisma/client.js';

/**
 * One row per consultation in the subtree (held within `period`, when one is given), with
 * its counts computed by the database.
 */
export async function consultationCountRows(
  db: PrismaClient,
  region: string,
  period: Period | null = null,
): Promise<ConsultationCountRow[]> {
  const where = { ...regionWhere(region, true), ...(period ? { heldOn: dayBounds(period) } : {}) };
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

/**
 * The subtree's supervision tasks counted by the database in one statement: one row per
 * owner region, status and colour on `now`'s day in Beijing (`colourDeadlines`), with the
 * REMIND steps of their logs; a province's million tasks come back as a few hundred rows.
 * With `period`, only the tasks created (派单) on its days in Beijing.
 */
export async function supervisionCountRows(
  db: PrismaClient,
  schema: string,
  region: string,
  now: Date,
  period: Period | null = null,
): Promise<SupervisionCountRow[]> {
  const { redBefore, yellowUntil } = colourDeadlines(now);
  const values: unknown[] = [subtreePrefix(region), isoDate(redBefore), isoDate(yellowUntil)];
  const created = instantBounds(period);
  const within = [
    created.gte && `t.created_at >= $${values.push(created.gte)}::timestamptz`,
    created.lt && `t.created_at < $${values.push(created.lt)}::timestamptz`,
  ].flatMap((condition) => (condition ? [` AND ${condition}`] : []));
  return db.$queryRawUnsafe<SupervisionCountRow[]>(
    `SELECT region, status::text AS status, colour, count(*)::int AS tasks,
            coalesce(sum(reminders), 0)::int AS reminders
       FROM (SELECT t.region, t.status,
                    CASE WHEN t.status = 'CLOSED' OR t.deadline IS NULL THEN NULL
                         WHEN t.deadline < $2::date THEN 'RED'
                         WHEN t.deadline <= $3::date THEN 'YELLOW'
                         ELSE 'GREEN' END AS colour,
                    (SELECT count(*) FROM jsonb_array_elements(t.steps) s
                      WHERE s->>'action' = 'REMIND') AS reminders
               FROM "${schema}"."supervision_task" t
              WHERE starts_with(t.region, $1)${within.join('')}) counted
      GROUP BY region, status, colour`,
    ...values,
  );
}
