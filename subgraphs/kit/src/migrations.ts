import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';
import { MigrationError } from './errors.js';
import { quote } from './sql-rows.js';

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

/** Reads `prisma/migrations/<name>/migration.sql` files in name order. */
export function readMigrations(dir: string): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .toSorted()
    .map((name) => {
      const sql = readFileSync(join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** Applied migrations by name (their checksums), by schema. */
export type AppliedMigrations = Map<string, Map<string, string>>;

/**
 * What every one of `schemas` has applied, in one query however many they are: each
 * schema's `_migrations` table is read through `query_to_xml`, so a schema (or a table)
 * that does not exist yet is simply absent from the answer instead of failing the query.
 */
export async function readAppliedMigrations(
  db: Pick<pg.Pool, 'query'>,
  schemas: string[],
): Promise<AppliedMigrations> {
  const { rows } = await db.query<{ schema: string; name: string; checksum: string }>(
    `SELECT n.nspname AS schema, m.name, m.checksum
       FROM pg_namespace n
       JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = '_migrations' AND c.relkind = 'r'
       CROSS JOIN LATERAL XMLTABLE('/table/row'
         PASSING query_to_xml(format('SELECT name, checksum FROM %I._migrations', n.nspname), false, false, '')
         COLUMNS name text, checksum text) m
      WHERE n.nspname = ANY($1::text[])`,
    [schemas],
  );
  const applied: AppliedMigrations = new Map(schemas.map((s) => [s, new Map()]));
  for (const row of rows) applied.get(row.schema)?.set(row.name, row.checksum);
  return applied;
}

/** The migrations `schema` still needs; one edited after it was applied is refused. */
function pendingOf(schema: string, migrations: Migration[], done: Map<string, string>) {
  return migrations.filter((migration) => {
    const checksum = done.get(migration.name);
    if (checksum === migration.checksum) return false;
    if (checksum) throw new MigrationError(schema, migration.name, 'changed after it was applied');
    return true;
  });
}

/**
 * Applies the migrations not yet applied to one schema, each in its own transaction,
 * under an advisory lock so that processes starting together do not race. A migration
 * edited after it was applied is refused rather than silently skipped.
 *
 * Each migration is one round trip (`BEGIN; …; COMMIT` as one simple query) committed
 * without waiting for the WAL flush (`synchronous_commit = off`): a crash can lose only
 * the last migrations together with their `_migrations` rows, which the next start
 * applies again, while a fresh database's hundreds of schemas do not wait on a disk
 * flush per migration.
 */
export async function applyMigrations(
  pool: pg.Pool,
  schema: string,
  migrations: Migration[],
): Promise<string[]> {
  const client = await pool.connect();
  const applied: string[] = [];
  const s = quote(schema);
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [schema]);
    await client.query(
      `CREATE SCHEMA IF NOT EXISTS ${s}; CREATE TABLE IF NOT EXISTS ${s}._migrations (name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const { rows } = await client.query<{ name: string; checksum: string }>(
      `SELECT name, checksum FROM ${s}._migrations`,
    );
    const done = new Map(rows.map((r) => [r.name, r.checksum]));
    for (const migration of pendingOf(schema, migrations, done)) {
      try {
        await client.query(
          [
            'BEGIN',
            'SET LOCAL synchronous_commit TO off',
            `SET LOCAL search_path TO ${s}`,
            migration.sql,
            `;INSERT INTO ${s}._migrations (name, checksum) VALUES (${literal(migration.name)}, ${literal(migration.checksum)})`,
            'COMMIT',
          ].join(';\n'),
        );
        applied.push(migration.name);
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw new MigrationError(schema, migration.name, 'failed', error);
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', [schema]).catch(() => undefined);
    client.release();
  }
  return applied;
}

export interface SchemaMigrations {
  schema: string;
  migrations: Migration[];
}

export interface MigrateSchemasOptions {
  /** Schemas migrated at once, each over a pool connection of its own. @default 4 */
  concurrency?: number;
}

/**
 * Brings many schemas up to date: one query reads what all of them have applied; when
 * nothing is missing that is all it does. A migration edited after it was applied is
 * refused before anything runs. Only the schemas missing something are migrated, a few
 * at a time, each by `applyMigrations` (its lock, and its check again under the lock).
 * Returns the migrations applied, by schema (only schemas that applied any).
 */
export async function migrateSchemas(
  pool: pg.Pool,
  targets: SchemaMigrations[],
  options: MigrateSchemasOptions = {},
): Promise<Map<string, string[]>> {
  const applied = await readAppliedMigrations(
    pool,
    targets.map((t) => t.schema),
  );
  const pending = targets.filter(
    (t) => pendingOf(t.schema, t.migrations, applied.get(t.schema) ?? new Map()).length > 0,
  );
  const result = new Map<string, string[]>();
  let next = 0;
  let failed = false;
  const worker = async () => {
    for (let target = pending[next++]; target && !failed; target = pending[next++]) {
      const names = await applyMigrations(pool, target.schema, target.migrations).catch(
        (error: unknown) => {
          failed = true;
          throw error;
        },
      );
      if (names.length) result.set(target.schema, names);
    }
  };
  const concurrency = Math.max(1, Math.min(options.concurrency ?? 4, pending.length));
  await Promise.all(Array.from({ length: concurrency }, worker));
  return result;
}
