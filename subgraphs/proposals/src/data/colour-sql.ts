import { isoDate } from '@huishang/subgraph-kit';
import type { ColourCondition } from '../domain/search-filter.js';

/**
 * A colour's condition (`colourCondition`) as SQL on the `status`, `deadline` and
 * `yellow_from` columns of `alias`, the one rendering search's filter and the statistics'
 * colour counts share. `param` adds a value and answers its placeholder; a value is only
 * added where it is used, as PostgreSQL must infer every parameter's type.
 */
export function colourSql(
  c: ColourCondition,
  param: (value: unknown) => string,
  schema: string,
  alias: string,
): string {
  const day = (date: Date) => `${param(isoDate(date))}::date`;
  const conditions = [
    `${alias}.status = ANY(${param(c.statuses)}::"${schema}"."ProposalStatus"[])`,
  ];
  if (c.deadlineBefore) conditions.push(`${alias}.deadline < ${day(c.deadlineBefore)}`);
  if (c.deadlineFrom) conditions.push(`${alias}.deadline >= ${day(c.deadlineFrom)}`);
  if (c.yellowFromUntil) conditions.push(`${alias}.yellow_from <= ${day(c.yellowFromUntil)}`);
  if (c.yellowFromAfter) conditions.push(`${alias}.yellow_from > ${day(c.yellowFromAfter)}`);
  return conditions.join(' AND ');
}
