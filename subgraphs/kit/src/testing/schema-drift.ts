import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { applyMigrations, readMigrations } from '../migrations.js';
import { createTestDatabase } from './test-database.js';

/** `table.column: type, null|not null`, one string per column. */
type ColumnSet = Set<string>;

const scalarTypes: Record<string, string> = {
  String: 'text',
  Int: 'integer',
  BigInt: 'bigint',
  Float: 'double precision',
  Boolean: 'boolean',
  DateTime: 'timestamp without time zone',
  Json: 'jsonb',
};
const nativeTypes: Record<string, string> = {
  Uuid: 'uuid',
  Date: 'date',
  Timestamptz: 'timestamp with time zone',
  Text: 'text',
  VarChar: 'character varying',
};

/**
 * The columns that `schema.prisma` declares, read from its text: a deliberately small
 * parser for the subset this project uses, since Prisma's schema engine is not available.
 */
export function prismaColumns(schemaText: string): ColumnSet {
  const enums = new Set([...schemaText.matchAll(/^enum\s+(\w+)/gm)].map((m) => m[1] as string));
  const models = [...schemaText.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)];
  const modelNames = new Set(models.map((m) => m[1] as string));
  const columns: ColumnSet = new Set();
  for (const [, model, body = ''] of models) {
    const table = body.match(/@@map\("([^"]+)"\)/)?.[1] ?? model;
    for (const line of body.split('\n').map((l) => l.trim())) {
      // `Unsupported("tsvector")?` reads as the type `tsvector`
      const field = line
        .replace(/Unsupported\("(\w+)"\)/, '$1')
        .match(/^(\w+)\s+(\w+)(\[\])?(\?)?(.*)$/);
      if (!field || line.startsWith('@@')) continue;
      const [, name, type = '', list, optional, attributes = ''] = field;
      if (modelNames.has(type)) continue; // a relation, not a column
      const column = attributes.match(/@map\("([^"]+)"\)/)?.[1] ?? name;
      const native = attributes.match(/@db\.(\w+)/)?.[1];
      let sqlType = enums.has(type)
        ? 'USER-DEFINED'
        : ((native && nativeTypes[native]) ?? scalarTypes[type] ?? type);
      if (list) sqlType = 'ARRAY';
      columns.add(`${table}.${column}: ${sqlType}, ${optional ? 'null' : 'not null'}`);
    }
  }
  return columns;
}

/** The columns the SQL migrations create, read from a schema they were applied to. */
export async function migratedColumns(
  databaseUrl: string,
  migrationsDir: string,
): Promise<ColumnSet> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  const schema = `drift_${process.pid}_${Date.now()}`;
  try {
    await applyMigrations(pool, schema, readMigrations(migrationsDir));
    const { rows } = await pool.query<{
      table_name: string;
      column_name: string;
      data_type: string;
      is_nullable: string;
    }>(
      `SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
        WHERE table_schema = $1 AND table_name <> '_migrations'`,
      [schema],
    );
    await pool.query(`DROP SCHEMA "${schema}" CASCADE`);
    return new Set(
      rows.map(
        (r) =>
          `${r.table_name}.${r.column_name}: ${r.data_type}, ${r.is_nullable === 'YES' ? 'null' : 'not null'}`,
      ),
    );
  } finally {
    await pool.end();
  }
}

/** What one side has and the other lacks; both empty when they agree. */
export async function schemaDrift(options: {
  prismaSchemaPath: string;
  migrationsDir: string;
  databaseUrl: string;
}) {
  const declared = prismaColumns(readFileSync(options.prismaSchemaPath, 'utf8'));
  const migrated = await migratedColumns(options.databaseUrl, options.migrationsDir);
  return {
    onlyInPrismaSchema: [...declared].filter((c) => !migrated.has(c)).toSorted(),
    onlyInMigrations: [...migrated].filter((c) => !declared.has(c)).toSorted(),
  };
}

/**
 * `schemaDrift` of the package at `packageRoot` (its `prisma/schema.prisma` against its
 * `prisma/migrations`), on a database of its own that is dropped afterwards.
 */
export async function schemaDriftOf(packageRoot: URL) {
  const root = fileURLToPath(packageRoot);
  const database = await createTestDatabase(`${basename(root)}_drift`);
  try {
    return await schemaDrift({
      prismaSchemaPath: join(root, 'prisma', 'schema.prisma'),
      migrationsDir: join(root, 'prisma', 'migrations'),
      databaseUrl: database.url,
    });
  } finally {
    await database.drop();
  }
}
