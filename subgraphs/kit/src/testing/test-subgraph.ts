import type { EventEnvelope, Role } from '@huishang/schema';
import type pg from 'pg';
import { buildSubgraphApp, type SubgraphModule } from '../app.js';
import { ownEventSubscriptions } from '../bus/replica/subscriptions.js';
import { type BusConfig, developmentInternalSecret } from '../config.js';
import { createPool, type DisconnectableClient, schemaName } from '../database.js';
import type { RegionClient } from '../raw-sql.js';
import { identityHeaders } from './identity.js';
import { replicateEvent } from './replicate.js';
import { createTestDatabase } from './test-database.js';

/** Who a test request comes from; the gateway-set fields default as in `identityHeaders`. */
export interface TestCaller {
  region: string;
  roles?: Role[];
  node?: string;
  subject?: string;
}

/** A GraphQL response body; tests read it by path, so it is left untyped. */
// biome-ignore lint/suspicious/noExplicitAny: tests read results by path
export type GraphQLResponseBody = any;

/** One event in a region's outbox, as written by the subgraph. */
export interface TestOutboxRow {
  event_id: string;
  subjects: string[];
  envelope: EventEnvelope;
}

export interface TestSubgraph<C = unknown> {
  /** POSTs to `/graphql` with the signed identity of `caller` (default: the first region's staff). */
  gql(
    query: string,
    variables?: Record<string, unknown>,
    caller?: TestCaller,
  ): Promise<GraphQLResponseBody>;
  /** The test's database, for a second process of the same node (`buildSubgraphApp`). */
  databaseUrl: string;
  /** Every SQL statement sent so far, in order; set `length = 0` to start counting afresh. */
  statements: string[];
  /** How many recorded SELECTs read `table`. */
  selectsFrom(table: string): number;
  /** The Prisma client of a hosted region. */
  db(region: string): C;
  /** A hosted region's outbox, oldest first. */
  outbox(region: string): Promise<TestOutboxRow[]>;
  /** Runs `write` and returns the rows it added to `region`'s outbox. */
  eventsOf(region: string, write: () => Promise<unknown>): Promise<TestOutboxRow[]>;
  /**
   * Applies another node's event to `region`'s replicas as the region's replica consumer
   * would (see `replicateEvent`); resolves to whether the replica moved forward.
   */
  replicate(region: string, event: EventEnvelope): Promise<boolean>;
  /**
   * Applies one of `region`'s own events to the records the subgraph derives from them
   * (`module.derivation`), as its consumer would; resolves to whether they moved forward.
   */
  derive(region: string, event: EventEnvelope): Promise<boolean>;
  /**
   * The further processes of the same node asked for (`processes`), on the same
   * database, ready, each with its reminder scheduler, never run by the clock:
   * `sweeps.runNow()` sweeps.
   */
  processes: Awaited<ReturnType<typeof buildSubgraphApp>>[];
  /** Closes the further processes and the app, ends the pool and drops the database. */
  close(): Promise<void>;
  /** Resolves once the bus, when one is given, runs its relays and consumers. */
  started(): Promise<void>;
}

/** A pool that records the text of every statement sent through it, at the driver. */
function createRecordingPool(url: string, statements: string[]): pg.Pool {
  const pool = createPool(url, 4);
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: unknown }).query = (...args: unknown[]) => {
      const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string })?.text;
      if (text) statements.push(text);
      return query(...args);
    };
  });
  return pool;
}

/**
 * Starts a subgraph hosting `regions` on a fresh database, ready for `inject()`ed GraphQL
 * requests. The database is labelled with the subgraph's name unless `label` is given.
 * With `bus`, it relays, replicates and exchanges commands over that NATS as a node does.
 */
export async function startTestSubgraph<C extends DisconnectableClient, X extends object>(
  module: SubgraphModule<C, X>,
  options: {
    regions: [string, ...string[]];
    label?: string;
    bus?: BusConfig;
    commandWaitMs?: number;
    /** Runs the reminder scheduler every so many milliseconds; by default none runs. */
    reminderSweepMs?: number;
    /** How many further processes of the same node to start (`TestSubgraph.processes`). */
    processes?: number;
  },
): Promise<TestSubgraph<C>> {
  const database = await createTestDatabase(options.label ?? module.name);
  const statements: string[] = [];
  const pool = createRecordingPool(database.url, statements);
  const app = await buildSubgraphApp(
    module,
    {
      host: '127.0.0.1',
      port: 0,
      databaseUrl: database.url,
      internalSecret: developmentInternalSecret,
      hosting: { mode: 'multi', regions: options.regions },
      poolSize: 4,
      ...(options.bus && { bus: options.bus }),
      ...(options.commandWaitMs !== undefined && { commandWaitMs: options.commandWaitMs }),
      ...(options.reminderSweepMs !== undefined && { reminderSweepMs: options.reminderSweepMs }),
    },
    { pool },
  ).catch(async (error: unknown) => {
    await pool.end();
    await database.drop();
    throw error;
  });
  const processes: Awaited<ReturnType<typeof buildSubgraphApp>>[] = [];
  const closeAll = async () => {
    for (const other of processes) await other.close();
    await app.close();
    await pool.end();
    await database.drop();
  };
  try {
    for (let i = 0; i < (options.processes ?? 0); i++) {
      const other = await buildSubgraphApp(module, {
        host: '127.0.0.1',
        port: 0,
        databaseUrl: database.url,
        internalSecret: developmentInternalSecret,
        hosting: { mode: 'multi', regions: options.regions },
        poolSize: 2,
        // never by the clock: each sweep is asked for
        reminderSweepMs: 3_600_000,
      });
      processes.push(other);
      await other.ready();
    }
  } catch (error) {
    await closeAll();
    throw error;
  }
  const defaultCaller = { region: options.regions[0] };
  const db = (region: string) => app.databases.of(region) as C;
  const outbox = async (region: string) =>
    (
      await pool.query<TestOutboxRow>(
        `SELECT event_id::text, subjects, envelope FROM "${schemaName(module.name, region)}"._outbox ORDER BY seq`,
      )
    ).rows;

  return {
    databaseUrl: database.url,
    statements,
    async gql(query, variables = {}, caller = defaultCaller) {
      const response = await app.inject({
        method: 'POST',
        url: '/graphql',
        headers: await identityHeaders(caller),
        payload: { query, variables },
      });
      return response.json();
    },
    selectsFrom: (table) =>
      statements.filter((s) => /^\s*select/i.test(s) && s.includes(`."${table}"`)).length,
    db,
    outbox,
    async eventsOf(region, write) {
      const before = (await outbox(region)).length;
      await write();
      return (await outbox(region)).slice(before);
    },
    async replicate(region, event) {
      const handler = module.replication;
      if (!handler) throw new Error(`${module.name} keeps no replicas`);
      const client = db(region) as unknown as RegionClient;
      return replicateEvent(
        { client, region, schema: schemaName(module.name, region), handler },
        event,
      );
    },
    async derive(region, event) {
      const handler = module.derivation;
      if (!handler) throw new Error(`${module.name} derives nothing from its own events`);
      const schema = schemaName(module.name, region);
      return replicateEvent(
        {
          client: db(region) as unknown as RegionClient,
          region,
          schema,
          handler,
          subscriptions: ownEventSubscriptions(region, schema, handler.aggregates),
        },
        event,
      );
    },
    async started() {
      if (app.hasDecorator('bus')) await app.bus.started();
    },
    processes,
    close: closeAll,
  };
}
