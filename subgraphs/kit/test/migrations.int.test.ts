import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createPool } from '../src/database.js';
import { MigrationError } from '../src/errors.js';
import { type Migration, migrateSchemas, readAppliedMigrations } from '../src/migrations.js';
import { createTestDatabase } from '../src/testing/index.js';

const database = await createTestDatabase('migrations');
// The node's own pool: a backend still closing when the database is dropped WITH (FORCE)
// answers with 57P01, which an idle client must not turn into an uncaught error.
const pool = createPool(database.url, 6);
afterAll(async () => {
  await pool.end();
  await database.drop();
});

const migration = (name: string, sql: string): Migration => ({
  name,
  sql,
  checksum: createHash('sha256').update(sql).digest('hex'),
});
const first = migration('0001_init', 'CREATE TABLE thing (id int PRIMARY KEY, name text);');
const second = migration('0002_colour', 'ALTER TABLE thing ADD COLUMN colour text;');
const schemas = Array.from({ length: 60 }, (_, i) => `things_${330100 + i}`);
const targets = (migrations: Migration[], of = schemas) =>
  of.map((schema) => ({ schema, migrations }));

const columnsOf = async (schema: string) =>
  (
    await pool.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'thing' ORDER BY ordinal_position`,
      [schema],
    )
  ).rows.map((r) => r.column_name);

describe('migrating many schemas', () => {
  it('creates every schema of a fresh database and applies its migrations', async () => {
    const applied = await migrateSchemas(pool, targets([first]));
    expect(applied.size).toBe(schemas.length);
    expect(applied.get('things_330100')).toEqual(['0001_init']);
    for (const schema of [schemas[0], schemas[59]] as string[])
      expect(await columnsOf(schema)).toEqual(['id', 'name']);
  });

  it('applies nothing on a second start, in one query', async () => {
    const query = vi.spyOn(pool, 'query');
    const connect = vi.spyOn(pool, 'connect');
    try {
      const applied = await migrateSchemas(pool, targets([first]));
      expect(applied.size).toBe(0);
      expect(query).toHaveBeenCalledTimes(1);
      // pool.query checks out one connection for its statement; no lock session is opened
      expect(connect).toHaveBeenCalledTimes(1);
    } finally {
      query.mockRestore();
      connect.mockRestore();
    }
  });

  it('reads what each schema applied, leaving out those that do not exist yet', async () => {
    const applied = await readAppliedMigrations(pool, ['things_330100', 'things_missing']);
    expect([...(applied.get('things_330100')?.keys() ?? [])]).toEqual(['0001_init']);
    expect(applied.get('things_missing')?.size).toBe(0);
  });

  it('applies only what is missing, only where it is missing', async () => {
    const late = 'things_339999';
    const applied = await migrateSchemas(pool, targets([first, second], [...schemas, late]));
    expect(applied.get('things_330100')).toEqual(['0002_colour']);
    expect(applied.get(late)).toEqual(['0001_init', '0002_colour']);
    expect(await columnsOf('things_330159')).toEqual(['id', 'name', 'colour']);
    expect(await columnsOf(late)).toEqual(['id', 'name', 'colour']);
  });

  it('refuses a migration changed after it was applied, before applying anything', async () => {
    const edited = migration('0001_init', 'CREATE TABLE thing (id bigint PRIMARY KEY);');
    const third = migration('0003_size', 'ALTER TABLE thing ADD COLUMN size int;');
    const attempt = migrateSchemas(pool, targets([edited, second, third]));
    await expect(attempt).rejects.toBeInstanceOf(MigrationError);
    await expect(attempt).rejects.toMatchObject({ code: 'KIT_MIGRATION_FAILED' });
    await expect(attempt).rejects.toThrow(/changed after it was applied/);
    expect(await columnsOf('things_330100')).toEqual(['id', 'name', 'colour']);
  });

  it('runs schemas that start together once each, under their locks', async () => {
    const fresh = Array.from({ length: 8 }, (_, i) => `racing_${i}`);
    const [a, b] = await Promise.all([
      migrateSchemas(pool, targets([first], fresh)),
      migrateSchemas(pool, targets([first], fresh)),
    ]);
    const appliedBy = (m: Map<string, string[]>) => [...m.values()].flat().length;
    expect(appliedBy(a) + appliedBy(b)).toBe(fresh.length);
  });
});
