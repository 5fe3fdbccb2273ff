import { fileURLToPath } from 'node:url';
import { provinceOf } from '@huishang/schema';
import { type JetStreamClient, type JetStreamManager, jetstream } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type pg from 'pg';
import type { BusLog } from '../bus/bus-log.js';
import { ensureStreams } from '../bus/streams.js';
import { createPool } from '../database.js';
import { applyMigrations, readMigrations } from '../migrations.js';
import { type NatsServer, startNatsServer } from './nats-server.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface BusFixture {
  database: TestDatabase;
  pool: pg.Pool;
  nats: NatsServer;
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
  /** What the relays and consumers logged, for assertions and for reading a failure. */
  log: BusLog & { lines: { level: string; message: string; details: object }[] };
  close(): Promise<void>;
}

const kitMigrations = fileURLToPath(new URL('../../migrations', import.meta.url));

/**
 * A fresh database whose `schemas` have the kit's bus tables, a nats-server of its own with
 * the streams of those schemas' provinces (schemas end in a region code), and a client
 * connection that reconnects for ever, as a node's does.
 */
export async function startBusFixture(options: {
  schemas: string[];
  label?: string;
}): Promise<BusFixture> {
  const database = await createTestDatabase(options.label ?? 'bus');
  const pool = createPool(database.url, 4);
  const nats = await startNatsServer();
  const nc = await connect({
    servers: nats.url,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 100,
  });
  const js = jetstream(nc);
  const jsm = await js.jetstreamManager();
  const migrations = readMigrations(kitMigrations);
  for (const schema of options.schemas) await applyMigrations(pool, schema, migrations);
  const provinces = new Set(options.schemas.map((s) => provinceOf(s.slice(-6))));
  for (const province of provinces) await ensureStreams(jsm, province);
  const lines: BusFixture['log']['lines'] = [];
  const line = (level: string) => (details: object, message: string) => {
    lines.push({ level, message, details });
  };
  return {
    database,
    pool,
    nats,
    nc,
    js,
    jsm,
    log: { lines, info: line('info'), warn: line('warn'), error: line('error') },
    async close() {
      await nc.close();
      await nats.dispose();
      await pool.end();
      await database.drop();
    },
  };
}
