import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';
import { MigrationError } from './errors.js';

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

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/**
 * Applies the migrations not yet applied to one schema, each in its own transaction,
 * under an advisory lock so that processes starting together do not race. A migration
 * edited after it was applied is refused rather than silently skipped.
 */
export async function applyMigrations(
  pool: pg.Pool,
  schema: string,
  migrations: Migration[],
): Promise<string[]> {
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [schema]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quote(schema)}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${quote(schema)}._migrations (name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const { rows } = await client.query<{ name: string; checksum: string }>(
      `SELECT name, checksum FROM ${quote(schema)}._migrations`,
    );
    const done = new Map(rows.map((r) => [r.name, r.checksum]));
    for (const migration of migrations) {
      const checksum = done.get(migration.name);
      if (checksum === migration.checksum) continue;
      if (checksum)
        throw new MigrationError(schema, migration.name, 'changed after it was applied');
      try {
        await client.query('BEGIN');
        await client.query(`SET LOCAL search_path TO ${quote(schema)}`);
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO ${quote(schema)}._migrations (name, checksum) VALUES ($1, $2)`,
          [migration.name, migration.checksum],
        );
        await client.query('COMMIT');
        applied.push(migration.name);
      } catch (error) {
        await client.query('ROLLBACK');
        throw new MigrationError(schema, migration.name, 'failed', error);
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', [schema]).catch(() => undefined);
    client.release();
  }
  return applied;
}
