import { fileURLToPath } from 'node:url';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { NodeNotHostedError } from './errors.js';
import { applyMigrations, readMigrations } from './migrations.js';

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
  /** The client of a hosted region; any other region is refused. */
  of(region: string): C;
  regions: string[];
  close(): Promise<void>;
}

export function createPool(databaseUrl: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: databaseUrl, max });
  // An idle connection that the server closes (restart, admin kill) must not crash the
  // process; the pool replaces it on the next checkout.
  pool.on('error', (error) => console.warn(`idle PostgreSQL connection lost: ${error.message}`));
  // Every hosted region's Prisma adapter listens on the shared pool: many by design.
  pool.setMaxListeners(0);
  return pool;
}

/** Migrates every hosted region's schema, then opens its client. */
const kitMigrationsDir = fileURLToPath(new URL('../migrations', import.meta.url));

export async function openRegionDatabases<C extends DisconnectableClient>(
  options: RegionDatabaseOptions<C>,
): Promise<RegionDatabases<C>> {
  // The kit's bus tables (outbox, replica versions, consumer positions) come first.
  const migrations = [
    ...readMigrations(kitMigrationsDir),
    ...readMigrations(options.migrationsDir),
  ];
  const clients = new Map<string, C>();
  for (const region of options.regions) {
    const schema = schemaName(options.subgraph, region);
    await applyMigrations(options.pool, schema, migrations);
    clients.set(region, options.createClient(new PrismaPg(options.pool, { schema })));
  }
  return {
    regions: options.regions,
    of(region) {
      const client = clients.get(region);
      if (!client) throw new NodeNotHostedError(region);
      return client;
    },
    async close() {
      await Promise.all([...clients.values()].map((c) => c.$disconnect()));
    },
  };
}
