import { schemaOf } from './database.js';
import type { RawSql } from './raw-sql.js';

// These statements run on a region's client or transaction, and only execute: they take
// `Pick<RawSql, '$executeRawUnsafe'>`, which any `RawSql` is.

const columns = new Map<string, string>();

/** The column Prisma maps a field to in this project: its name in snake_case (`@map`). */
export function columnOf(field: string): string {
  // asked for every field of every row of a batch: a few dozen names, worked out once
  let column = columns.get(field);
  if (column === undefined) {
    column = field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
    columns.set(field, column);
  }
  return column;
}

/** A PostgreSQL identifier, quoted: the one way the kit writes a schema or table name into SQL. */
export const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Rows as one JSON array keyed by column, and the columns any of them has, in order. */
interface RowsJson {
  columns: string[];
  json: string;
}

function asRecords(rows: readonly object[]): RowsJson {
  const given = new Set<string>();
  const records = rows.map((row) => {
    const record: Record<string, unknown> = {};
    for (const field in row) {
      const value = (row as Record<string, unknown>)[field];
      if (value === undefined) continue;
      const column = columnOf(field);
      given.add(column);
      record[column] = value;
    }
    return record;
  });
  return { columns: [...given], json: JSON.stringify(records) };
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
  tx: Pick<RawSql, '$executeRawUnsafe'>,
  table: string,
  rows: readonly object[],
  options: InsertRowsOptions = {},
): Promise<number> {
  const insert = insertStatement(schemaOf(tx), table, rows, options, 1);
  if (!insert) return Promise.resolve(0);
  return tx.$executeRawUnsafe(insert.sql, insert.json);
}

/** The statement `insertRows` runs, its rows' JSON being parameter `$param`; none without rows. */
function insertStatement(
  schema: string,
  table: string,
  rows: readonly object[] | RowsJson,
  options: InsertRowsOptions,
  param: number,
): { sql: string; json: string } | null {
  const { columns, json } = 'json' in rows ? rows : asRecords(rows);
  if (columns.length === 0) return null;
  const target = `${quote(schema)}.${quote(table)}`;
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
  return {
    sql: `INSERT INTO ${target} AS t (${list}) SELECT ${list} FROM jsonb_populate_recordset(NULL::${target}, $${param}::jsonb)${conflict}`,
    json,
  };
}

/** Several statements as one: all but the last as data-modifying `WITH` parts of the last. */
const asOneStatement = (statements: string[]) =>
  statements.length === 1
    ? (statements[0] as string)
    : `WITH ${statements
        .slice(0, -1)
        .map((sql, i) => `s${i} AS (${sql})`)
        .join(', ')} ${statements.at(-1)}`;

/** Deletes, in one statement, the rows of a table of the client's region whose `column` is one of `ids`. */
export function deleteRowsOf(
  tx: Pick<RawSql, '$executeRawUnsafe'>,
  table: string,
  column: string,
  ids: readonly string[],
): Promise<number> {
  return tx.$executeRawUnsafe(
    `DELETE FROM ${quote(schemaOf(tx))}.${quote(table)} WHERE ${quote(column)} = ANY($1::uuid[])`,
    ids,
  );
}

/** A child table of `replaceRecords`: its rows refer to their record by `column`. */
export interface ChildRows {
  table: string;
  column: string;
  rows: readonly object[];
}

/**
 * Stores records with their child rows as given, replacing what was stored, in three
 * statements whatever the number of records and child tables (a replica batch's fixed
 * cost, which a node trickling one event at a time pays per event): the records upserted
 * by `id`, every child table's rows of these records deleted, the new child rows
 * inserted. Several tables are written in one statement as data-modifying `WITH` parts;
 * the foreign keys between them (ON DELETE CASCADE, checked at the statement's end) hold.
 */
export function replaceRecords(
  tx: Pick<RawSql, '$executeRawUnsafe'>,
  table: string,
  records: readonly { id: string }[],
  children: readonly ChildRows[],
): Promise<void> {
  return prepareRecords(table, records, children).write(tx);
}

/**
 * `replaceRecords` in two steps: the rows' JSON built now, the statements run by the
 * returned write (on any client of the region), so a replica batch is built while the
 * database writes the one before.
 */
export function prepareRecords(
  table: string,
  records: readonly { id: string }[],
  children: readonly ChildRows[],
): { write(tx: Pick<RawSql, '$executeRawUnsafe'>): Promise<void> } {
  const ids = records.map((record) => record.id);
  const recordsJson = asRecords(records);
  const given = children
    .map((child) => ({ table: child.table, rows: asRecords(child.rows) }))
    .filter((child) => child.rows.columns.length > 0);
  return { write: (tx) => writeRecords(tx, table, ids, recordsJson, children, given) };
}

async function writeRecords(
  tx: Pick<RawSql, '$executeRawUnsafe'>,
  table: string,
  ids: string[],
  recordsJson: RowsJson,
  children: readonly ChildRows[],
  given: { table: string; rows: RowsJson }[],
) {
  if (ids.length === 0) return;
  const schema = schemaOf(tx);
  const upsert = insertStatement(schema, table, recordsJson, { upsert: { key: ['id'] } }, 1);
  if (upsert) await tx.$executeRawUnsafe(upsert.sql, upsert.json);
  if (children.length === 0) return;
  await tx.$executeRawUnsafe(
    asOneStatement(
      children.map(
        (child) =>
          `DELETE FROM ${quote(schema)}.${quote(child.table)} WHERE ${quote(child.column)} = ANY($1::uuid[])`,
      ),
    ),
    ids,
  );
  const inserts = given.flatMap((child, i) => {
    const insert = insertStatement(schema, child.table, child.rows, {}, i + 1);
    return insert ? [insert] : [];
  });
  if (inserts.length === 0) return;
  await tx.$executeRawUnsafe(
    asOneStatement(inserts.map((insert) => insert.sql)),
    ...inserts.map((insert) => insert.json),
  );
}
