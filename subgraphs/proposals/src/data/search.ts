import { subtreePrefix } from '@huishang/schema';
import type { ColourCondition } from '../domain/search-filter.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { ProposalCategory, ProposalStatus } from '../generated/prisma/enums.js';
import { colourSql } from './colour-sql.js';

export interface SearchFilter {
  region: string;
  includeSubregions?: boolean | null;
  status?: ProposalStatus | null;
  category?: ProposalCategory | null;
  term?: number | null;
  /** A handling unit's name, lead or co-handling. */
  unit?: string | null;
  colour?: ColourCondition | null;
}

export interface SearchHitRow {
  id: string;
  rank: number;
}

/**
 * Proposals whose `search_text` holds every query token, best first (ts_rank, titles and
 * keywords weighted above the body), with the filters applied in SQL. Raw SQL because
 * Prisma has no tsvector; `schema` is the node's own (the Prisma client's) schema.
 *
 * One statement: the hits are found once, by the GIN index on (status, term, search_text)
 * of migration 0005 where a status or term is given, so the heap is read for the hits that
 * pass the filters only; each is ranked once, and the page and the exact count come from
 * that one set. Enums are compared as enums, not as text, so the index can serve them.
 *
 * The rank is of the same tokens OR'ed (`$2`): how often, and whether in the title and
 * keywords, they occur. `ts_rank` of an AND query also weighs every pair of the tokens'
 * positions against each other, quadratic in a long body's repeats (half the statement's
 * time at 4,000 hits), and every hit holds every token anyway.
 */
export async function searchProposals(
  db: PrismaClient,
  schema: string,
  tokens: string[],
  filter: SearchFilter,
  page: { take: number; skip: number },
): Promise<{ hits: SearchHitRow[]; totalCount: number }> {
  const quoted = tokens.map((token) => `'${token}'`);
  const values: unknown[] = [quoted.join(' & '), quoted.join(' | ')];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  const type = (name: string) => `"${schema}"."${name}"`;
  const conditions = ['p.search_text @@ q'];
  if (filter.includeSubregions)
    conditions.push(`starts_with(p.region, ${param(subtreePrefix(filter.region))})`);
  else conditions.push(`p.region = ${param(filter.region)}`);
  if (filter.status)
    conditions.push(`p.status = ${param(filter.status)}::${type('ProposalStatus')}`);
  if (filter.category)
    conditions.push(`p.category = ${param(filter.category)}::${type('ProposalCategory')}`);
  if (filter.term) conditions.push(`p.term = ${param(filter.term)}`);
  if (filter.unit)
    conditions.push(
      `EXISTS (SELECT 1 FROM "${schema}".handling_unit h WHERE h.proposal_id = p.id AND h.name = ${param(filter.unit)})`,
    );
  if (filter.colour) conditions.push(colourSql(filter.colour, param, schema, 'p'));
  const take = param(page.take);
  const skip = param(page.skip);
  const [result] = await db.$queryRawUnsafe<{ total: number; hits: SearchHitRow[] }[]>(
    `WITH hits AS MATERIALIZED (
       SELECT p.id, ts_rank(p.search_text, to_tsquery('simple', $2))::float8 AS rank
         FROM "${schema}".proposal p, to_tsquery('simple', $1) q WHERE ${conditions.join(' AND ')}
     )
     SELECT (SELECT count(*)::int FROM hits) AS total,
            coalesce((SELECT json_agg(json_build_object('id', id::text, 'rank', rank) ORDER BY rank DESC, id DESC)
                        FROM (SELECT id, rank FROM hits ORDER BY rank DESC, id DESC
                               LIMIT ${take} OFFSET ${skip}) page), '[]'::json) AS hits`,
    ...values,
  );
  return { hits: result?.hits ?? [], totalCount: result?.total ?? 0 };
}
