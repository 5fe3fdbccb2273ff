import { fileURLToPath } from 'node:url';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { NodeNotHostedError } from './errors.js';
import {
  type MigrateSchemasOptions,
  type Migration,
  migrateSchemas,
  readMigrations,
} from './migrations.js';

export interface DisconnectableClient {
  $disconnect(): Promise<void>;
}

export interface RegionDatabaseOptions<C> {
  /** The process's one pool; every region's client shares it. */
  pool: pg.Pool;
  /** e.g. `proposals`: schemas are named `<subgraph>_<region>`. */
  subgraph: string;
  regions: string[];
  migrationsDir: string;
  createClient: (adapter: PrismaPg) => C;
}

/** The PostgreSQL schema that holds one subgraph's data for one region. */
export const schemaName = (subgraph: string, region: string) =>
  `${subgraph.replaceAll('-', '_')}_${region}`;

/** One Prisma client per hosted region, each bound to its schema, all over one pool. */
export interface RegionDatabases<C> {
  /** The client of a hosted region, created on first use; any other region is refused. */
  of(region: string): C;
  regions: string[];
  close(): Promise<void>;
}

type QueryCallback = (error: Error | null, result?: unknown) => void;

/**
 * A `pg.Client` whose `query()` calls run one after another, each sent once the one before
 * has settled. Prisma's query interpreter reads an `include`'s relations concurrently, and
 * inside an interactive transaction `@prisma/adapter-pg` sends them all to the one
 * connection the transaction holds (prisma/orm#29979); pg queues them itself, but warns
 * that it will stop doing so in pg@9 ("Calling client.query() when the client is already
 * executing a query is deprecated"). The chain here does what pg's queue did, in the same
 * order, for both forms callers use: the promise form (the adapter) and the callback form
 * (`pg.Pool#query`). Submittables (cursors, streams) are handed to pg as they are.
 */
export class SerialClient extends pg.Client {
  #tail: Promise<unknown> = Promise.resolve();

  // biome-ignore lint/suspicious/noExplicitAny: pg's overloads, passed through as they are
  override query(config: any, values?: any, callback?: any): any {
    if (config == null || typeof config.submit === 'function')
      return super.query(config, values, callback);
    const done: QueryCallback | undefined =
      typeof values === 'function' ? values : (callback ?? config.callback);
    const args = typeof values === 'function' ? [] : [values];
    if (!done) {
      const result = this.#tail.then(() => super.query(config, ...args));
      this.#tail = result.catch(() => {});
      return result;
    }
    this.#tail = this.#tail.then(
      () =>
        new Promise<void>((settled) => {
          try {
            super.query(config, ...args, (error: Error | null, result: unknown) => {
              settled();
              done(error, result);
            });
          } catch (error) {
            settled();
            done(error as Error);
          }
        }),
    );
  }
}

export function createPool(databaseUrl: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: databaseUrl, max, Client: SerialClient });
  // An idle connection that the server closes (restart, admin kill) must not crash the
  // process; the pool replaces it on the next checkout.
  pool.on('error', (error) => console.warn(`idle PostgreSQL connection lost: ${error.message}`));
  // Every hosted region's Prisma adapter listens on the shared pool: many by design.
  pool.setMaxListeners(0);
  return pool;
}

const regionSchema = Symbol('huishang.regionSchema');

/**
 * The schema of the region a client (or an interactive transaction of it) was opened for
 * by `openRegionDatabases`: raw SQL names its tables with it, since Prisma qualifies only
 * its own queries. Prisma's transaction client reads through to the client's properties.
 */
export function schemaOf(client: object): string {
  const schema = (client as { [regionSchema]?: string })[regionSchema];
  if (schema === undefined) throw new Error('not a client opened by openRegionDatabases');
  return schema;
}

/** Marks `client` as the client of `schema`, for `schemaOf`. */
export function bindSchema<C extends object>(client: C, schema: string): C {
  Object.defineProperty(client, regionSchema, { value: schema });
  return client;
}

const kitMigrationsDir = fileURLToPath(new URL('../migrations', import.meta.url));

/** A subgraph's migrations: the kit's bus tables (outbox, replica versions, …) first. */
export const subgraphMigrations = (migrationsDir: string): Migration[] => [
  ...readMigrations(kitMigrationsDir),
  ...readMigrations(migrationsDir),
];

export interface SubgraphSchemas {
  subgraph: string;
  migrationsDir: string;
  regions: string[];
}

/**
 * Migrates the schemas of several subgraphs and regions together (a process hosting many
 * nodes does this once before building its apps): one query finds what is missing, and
 * only that is applied, a few schemas at a time.
 */
export async function migrateSubgraphSchemas(
  pool: pg.Pool,
  subgraphs: SubgraphSchemas[],
  options?: MigrateSchemasOptions,
): Promise<Map<string, string[]>> {
  return migrateSchemas(
    pool,
    subgraphs.flatMap(({ subgraph, migrationsDir, regions }) => {
      const migrations = subgraphMigrations(migrationsDir);
      return regions.map((region) => ({ schema: schemaName(subgraph, region), migrations }));
    }),
    options,
  );
}

/**
 * Migrates every hosted region's schema (one query when nothing is missing), then opens
 * each region's client when it is first asked for: a Prisma client costs about 1 MB of
 * heap and 2 ms to create, which a process hosting a hundred regions in four subgraphs
 * pays only for the regions it serves.
 */
export async function openRegionDatabases<C extends DisconnectableClient>(
  options: RegionDatabaseOptions<C>,
): Promise<RegionDatabases<C>> {
  await migrateSubgraphSchemas(options.pool, [options]);
  const hosted = new Set(options.regions);
  const clients = new Map<string, C>();
  return {
    regions: options.regions,
    of(region) {
      let client = clients.get(region);
      if (client) return client;
      if (!hosted.has(region)) throw new NodeNotHostedError(region);
      const schema = schemaName(options.subgraph, region);
      client = bindSchema(options.createClient(new PrismaPg(options.pool, { schema })), schema);
      clients.set(region, client);
      return client;
    },
    async close() {
      await Promise.all([...clients.values()].map((c) => c.$disconnect()));
    },
  };
}
