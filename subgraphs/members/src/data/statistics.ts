import { subtreePrefix } from '@huishang/schema';
import { type Period, regionWhere, schemaOf } from '@huishang/subgraph-kit';
import type { ActivityRow, MemberCountRow } from '../domain/statistics.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { DutyKind } from '../generated/prisma/enums.js';

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

/**
 * A term's members of a region's subtree, counted by the database per committee region
 * and duty score (with how many of them have a record), and their duty records per
 * committee region and kind: from the summaries each member's own node keeps and
 * publishes, which a city or province holds in its replicas.
 */
export async function memberActivityRows(
  db: PrismaClient,
  region: string,
  term: number,
): Promise<ActivityRow[]> {
  const schema = schemaOf(db);
  const prefix = `${subtreePrefix(region)}%`;
  const [scores, kinds] = await Promise.all([
    db.$queryRawUnsafe<{ region: string; score: number; members: number; active: number }[]>(
      `SELECT region, duty_score AS score, count(*)::integer AS members,
              (count(*) FILTER (WHERE duty_counts <> '{}'::jsonb))::integer AS active
         FROM "${schema}".member
        WHERE region LIKE $1 AND term = $2
        GROUP BY region, duty_score`,
      prefix,
      term,
    ),
    db.$queryRawUnsafe<{ region: string; kind: DutyKind; records: number }[]>(
      `SELECT m.region, k.key AS kind, sum(k.value::bigint)::float8 AS records
         FROM "${schema}".member m CROSS JOIN LATERAL jsonb_each_text(m.duty_counts) k
        WHERE m.region LIKE $1 AND m.term = $2
        GROUP BY m.region, k.key`,
      prefix,
      term,
    ),
  ]);
  return [...scores, ...kinds];
}
