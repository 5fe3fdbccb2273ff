import { schemaOf } from './database.js';

/** What these statements run on: a region's Prisma client or interactive transaction. */
export interface RawSqlClient {
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

/** The column Prisma maps a field to in this project: its name in snake_case (`@map`). */
export const columnOf = (field: string) =>
  field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The rows as one JSON array keyed by column, and the columns any of them has, in order. */
function asRecords(rows: readonly object[]) {
  const columns = new Set<string>();
  const records = rows.map((row) => {
    const record: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(row)) {
      if (value === undefined) continue;
      const column = columnOf(field);
      columns.add(column);
      record[column] = value;
    }
    return record;
  });
  return { columns: [...columns], json: JSON.stringify(records) };
}

export interface InsertRowsOptions {
  /**
   * Replace the stored row that has the same `key`: its other columns take the given
   * values, and `set`'s columns (snake_case) the SQL expressions given, e.g.
   * `{ updated_at: 'now()' }`; only where `where` holds, a condition on the stored row `t`
   * and the new one `EXCLUDED`. Without it a conflicting row fails the statement.
   */
  upsert?: { key: string[]; set?: Record<string, string>; where?: string };
  /** Leave out rows whose key is already stored (`ON CONFLICT DO NOTHING`). */
  skipDuplicates?: boolean;
}

/**
 * Writes camelCase rows (as Prisma reads them: dates as `Date`, enums as strings, arrays,
 * JSON values) into a table of the client's region, in one statement whatever their
 * number. The rows travel as one JSON parameter that `jsonb_populate_recordset` turns
 * into the table's own row type, so each column is parsed by its own type (enum, uuid[],
 * date, timestamptz, jsonb) and the column list is the rows' own fields. Columns no row
 * gives keep their defaults; a field a row leaves out is NULL in that row. Text with a NUL
 * character makes PostgreSQL refuse the statement (22P05), which rejects the promise.
 */
export function insertRows(
  tx: RawSqlClient,
  table: string,
  rows: readonly object[],
  options: InsertRowsOptions = {},
): Promise<number> {
  const { columns, json } = asRecords(rows);
  if (columns.length === 0) return Promise.resolve(0);
  const target = `${quote(schemaOf(tx))}.${quote(table)}`;
  const list = columns.map(quote).join(', ');
  let conflict = '';
  if (options.upsert) {
    const { key, set = {}, where } = options.upsert;
    const assignments = [
      ...columns
        .filter((column) => !key.includes(column) && !(column in set))
        .map((column) => `${quote(column)} = EXCLUDED.${quote(column)}`),
      ...Object.entries(set).map(([column, expression]) => `${quote(column)} = ${expression}`),
    ];
    conflict = ` ON CONFLICT (${key.map(quote).join(', ')}) DO UPDATE SET ${assignments.join(', ')}${where ? ` WHERE ${where}` : ''}`;
  } else if (options.skipDuplicates) conflict = ' ON CONFLICT DO NOTHING';
  return tx.$executeRawUnsafe(
    `INSERT INTO ${target} AS t (${list}) SELECT ${list} FROM jsonb_populate_recordset(NULL::${target}, $1::jsonb)${conflict}`,
    json,
  );
}

/** Deletes, in one statement, the rows of a table of the client's region whose `column` is one of `ids`. */
export function deleteRowsOf(
  tx: RawSqlClient,
  table: string,
  column: string,
  ids: readonly string[],
): Promise<number> {
  return tx.$executeRawUnsafe(
    `DELETE FROM ${quote(schemaOf(tx))}.${quote(table)} WHERE ${quote(column)} = ANY($1::uuid[])`,
    ids,
  );
}
