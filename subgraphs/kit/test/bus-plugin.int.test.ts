import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSubgraphApp, type SubgraphModule } from '../src/app.js';
import { recordEvent } from '../src/bus/outbox.js';
import type { ReplicationHandler } from '../src/bus/replica/handler.js';
import { type BusConfig, developmentInternalSecret } from '../src/config.js';
import { newId } from '../src/ids.js';
import type { RawSql } from '../src/raw-sql.js';
import { createSqlClient, startBusFixture, waitUntil } from '../src/testing/index.js';

// A members-like subgraph whose only table is the city's replica of its counties' members.
const migrationsDir = mkdtempSync(join(tmpdir(), 'huishang-bus-plugin-'));
mkdirSync(join(migrationsDir, '0001_replica'));
writeFileSync(
  join(migrationsDir, '0001_replica', 'migration.sql'),
  'CREATE TABLE member_replica (id uuid PRIMARY KEY, region text NOT NULL, name text NOT NULL);',
);

const bus = await startBusFixture({ schemas: [], label: 'bus_plugin' });
afterAll(async () => {
  await bus.close();
  rmSync(migrationsDir, { recursive: true, force: true });
});

const replication: ReplicationHandler<RawSql> = {
  aggregates: ['member'],
  async apply(tx, events) {
    for (const event of events) {
      const { id, region, name } = event.payload.snapshot as Record<string, string>;
      await tx.$executeRawUnsafe(
        'INSERT INTO members_330500.member_replica (id, region, name) VALUES ($1::uuid, $2, $3) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name',
        id,
        region,
        name,
      );
    }
  },
};

const module: SubgraphModule<ReturnType<typeof createSqlClient>, object> = {
  name: 'members',
  migrationsDir,
  createClient: () => createSqlClient(bus.pool),
  resolvers: {},
  extendContext: () => ({}),
  replication: replication as ReplicationHandler,
};

const startNode = (busConfig?: BusConfig) =>
  buildSubgraphApp(
    module,
    {
      host: '127.0.0.1',
      port: 0,
      databaseUrl: bus.database.url,
      internalSecret: developmentInternalSecret,
      hosting: { mode: 'multi', regions: ['330503', '330500'] },
      poolSize: 4,
      ...(busConfig && { bus: busConfig }),
    },
    { pool: bus.pool },
  );

const member = (name: string) => {
  const id = newId();
  return {
    type: 'member.created',
    aggregate: { type: 'member' as const, id, version: 1 },
    payload: {
      snapshot: {
        id,
        region: '330503',
        name,
        gender: 'MALE',
        sector: '经济界',
        party: 'CNDCA',
        term: 10,
        roles: ['MEMBER'],
        specialCommittees: [],
        workplace: null,
        linkedVillages: [],
        version: 1,
        createdAt: '2026-11-22T03:00:00.000Z',
        updatedAt: '2026-11-22T03:00:00.000Z',
      },
    },
  };
};

/** Nanxun writes a member and its event in one transaction, as its subgraph does. */
const writeAtNanxun = (name: string) =>
  createSqlClient(bus.pool).$transaction((tx) =>
    recordEvent(tx, { schema: 'members_330503', origin: '330503' }, member(name)),
  );

/** Advisory locks held in the test database: the relays' locks, one per schema relayed. */
const advisoryLocks = async () =>
  (
    await bus.pool.query(
      `SELECT count(*)::int AS n FROM pg_locks
        WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    )
  ).rows[0].n as number;

const replicaNames = async () =>
  (await bus.pool.query('SELECT name FROM members_330500.member_replica ORDER BY name')).rows.map(
    (r) => r.name as string,
  );

describe('bus plugin', () => {
  it('relays a county’s events and replicates them at its city, in one process', async () => {
    const app = await startNode({ servers: bus.nats.url });
    try {
      await app.bus.started();
      const event = await writeAtNanxun('钱志明');
      const replicated = await waitUntil(replicaNames, {
        done: (names) => names.length === 1,
        what: 'the member replicated at the city',
        ms: 10_000,
      });
      expect(replicated).toEqual(['钱志明']);
      const stats = await waitUntil(() => app.bus.stats(), {
        done: (s) => s.replication[0]?.sources[0]?.eventsBehind === 0,
        what: 'the city to report nothing behind',
        ms: 10_000,
      });
      expect(stats.connected).toBe(true);
      expect(stats.relays.map((r) => [r.schema, r.active, r.published])).toEqual([
        ['members_330503', true, 1],
        ['members_330500', true, 0],
      ]);
      expect(stats.replication).toMatchObject([
        {
          region: '330500',
          applied: 1,
          sources: [{ source: '330503', lastApplied: { eventId: event.eventId }, eventsBehind: 0 }],
        },
      ]);
      // The streams were provisioned at start-up.
      expect((await bus.jsm.streams.info('CPPCC_EVT_330000')).config.subjects).toEqual([
        'cppcc.evt.330000.>',
        'cppcc.share.330000.>',
      ]);
    } finally {
      await app.close();
    }
    // Closed: nothing relays Nanxun's outbox any more, and a restart picks it up.
    await writeAtNanxun('孙晓燕');
    // A relay publishes only while it holds its schema's lock: once no session holds one,
    // nothing can have taken the row.
    await waitUntil(advisoryLocks, {
      done: (n) => n === 0,
      what: 'the closed node’s relay locks to be released',
      ms: 10_000,
    });
    const waiting = await bus.pool.query(
      'SELECT count(*)::int AS n FROM members_330503._outbox WHERE published_at IS NULL',
    );
    expect(waiting.rows[0].n).toBe(1);
    const again = await startNode({ servers: bus.nats.url });
    try {
      const replicated = await waitUntil(replicaNames, {
        done: (names) => names.length === 2,
        what: 'the restarted node to replicate the waiting member',
        ms: 10_000,
      });
      expect(replicated).toEqual(['孙晓燕', '钱志明']);
    } finally {
      await again.close();
    }
  });

  it('starts and serves without NATS, and closes', async () => {
    const app = await startNode({ servers: 'nats://127.0.0.1:1' });
    try {
      expect((await app.inject('/health')).statusCode).toBe(200);
      expect(await app.bus.stats()).toEqual({
        connected: false,
        relays: [],
        replication: [],
        consumers: [],
      });
    } finally {
      await app.close();
    }
  });

  it('is not there when the config has no bus: the node runs alone', async () => {
    const app = await startNode();
    try {
      expect(app.hasDecorator('bus')).toBe(false);
    } finally {
      await app.close();
    }
  });
});
