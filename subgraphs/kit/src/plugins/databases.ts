import type { PrismaPg } from '@prisma/adapter-pg';
import fp from 'fastify-plugin';
import type pg from 'pg';
import {
  type DisconnectableClient,
  openRegionDatabases,
  type RegionDatabases,
} from '../database.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Prisma clients of the regions this process hosts. */
    databases: RegionDatabases<DisconnectableClient>;
    /** The process's PostgreSQL pool. */
    pool: pg.Pool;
  }
}

export interface DatabasesPluginOptions<C> {
  pool: pg.Pool;
  /** Whether closing the app ends the pool (false when the pool is shared with others). */
  ownsPool: boolean;
  subgraph: string;
  regions: string[];
  migrationsDir: string;
  createClient: (adapter: PrismaPg) => C;
}

/** Migrates and opens each hosted region's database at boot; closes them on close. */
export const databasesPlugin = fp<DatabasesPluginOptions<DisconnectableClient>>(
  async (app, options) => {
    const databases = await openRegionDatabases(options);
    app.decorate('databases', databases);
    app.decorate('pool', options.pool);
    app.addHook('onClose', async () => {
      await databases.close();
      if (options.ownsPool) await options.pool.end();
    });
  },
  { name: 'huishang-databases' },
);
