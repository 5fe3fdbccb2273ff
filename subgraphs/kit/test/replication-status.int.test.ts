import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSubgraphApp, type SubgraphModule } from '../src/app.js';
import {
  replicationStatusQuery,
  replicationStatusResolvers,
} from '../src/bus/figures/replication-resolvers.js';
import { recordEvent } from '../src/bus/outbox.js';
import type { ReplicationHandler } from '../src/bus/replica/handler.js';
import { type BusConfig, developmentInternalSecret } from '../src/config.js';
import { newId } from '../src/ids.js';
import type { RawSql } from '../src/raw-sql.js';
import {
  createSqlClient,
  identityHeaders,
  startBusFixture,
  waitUntil,
} from '../src/testing/index.js';

// The members subgraph's schema, served with only the replication-status resolvers, over a
// members-like table: Nanxun 330503 writes, Huzhou 330500 keeps replicas, in one process.
const migrationsDir = mkdtempSync(join(tmpdir(), 'huishang-replication-status-'));
mkdirSync(join(migrationsDir, '0001_replica'));
writeFileSync(
  join(migrationsDir, '0001_replica', 'migration.sql'),
  'CREATE TABLE member_replica (id uuid PRIMARY KEY, name text NOT NULL);',
);

const bus = await startBusFixture({ schemas: [], label: 'replication_status' });
afterAll(async () => {
  await bus.close();
  rmSync(migrationsDir, { recursive: true, force: true });
});

const replication: ReplicationHandler<RawSql> = {
  aggregates: ['member'],
  async apply(tx, events) {
    for (const event of events) {
      const { id, name } = event.payload.snapshot as Record<string, string>;
      await tx.$executeRawUnsafe(
        'INSERT INTO members_330500.member_replica (id, name) VALUES ($1::uuid, $2) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name',
        id,
        name,
      );
    }
  },
};

const module: SubgraphModule<ReturnType<typeof createSqlClient>, object> = {
  name: 'members',
  migrationsDir,
  createClient: () => createSqlClient(bus.pool),
  resolvers: {
    Query: { replicationStatus: replicationStatusQuery },
    ...replicationStatusResolvers('members'),
  },
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

const writeAtNanxun = (name: string) => {
  const id = newId();
  const at = '2026-11-22T03:00:00.000Z';
  const snapshot = {
    id,
    region: '330503',
    name,
    gender: 'FEMALE',
    sector: '农业界',
    party: 'CAPD',
    term: 10,
    roles: ['MEMBER'],
    specialCommittees: [],
    workplace: null,
    linkedVillages: [],
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  return createSqlClient(bus.pool).$transaction((tx) =>
    recordEvent(
      tx,
      { schema: 'members_330503', origin: '330503' },
      {
        type: 'member.created',
        aggregate: { type: 'member', id, version: 1 },
        payload: { snapshot },
      },
    ),
  );
};

const statusQuery = /* GraphQL */ `
  query ($region: ID!) {
    replicationStatus(region: $region) {
      region
      members {
        subgraph
        connected
        outboxBacklog
        sources {
          source { code name }
          aggregateTypes
          lastEventId
          lastEventAt
          lastAppliedAt
          eventsBehind
          secondsBehind
        }
      }
    }
  }
`;

const gql = async (
  app: FastifyInstance,
  query: string,
  variables: Record<string, unknown>,
  caller: { region: string; node?: string },
) =>
  (
    await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: await identityHeaders(caller),
      payload: { query, variables },
    })
  ).json();

/** The value of the one sample whose name and labels are `series`. */
function sample(metrics: string, series: string): number | undefined {
  const line = metrics.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('replicationStatus and /metrics', () => {
  it('show the city the county it replicates, with its last event and nothing behind', async () => {
    const app = await startNode({ servers: bus.nats.url });
    try {
      await app.bus.started();
      const event = await writeAtNanxun('沈秀英');
      await waitUntil(() => app.bus.stats(), {
        done: (s) => s.replication[0]?.sources[0]?.eventsBehind === 0,
        what: 'the city to report nothing behind',
        ms: 10_000,
      });

      const { data, errors } = await gql(
        app,
        statusQuery,
        { region: '330500' },
        { region: '330500' },
      );
      expect(errors).toBeUndefined();
      const { members } = data.replicationStatus;
      expect(data.replicationStatus.region).toBe('330500');
      expect(members).toMatchObject({ subgraph: 'members', connected: true, outboxBacklog: 0 });
      expect(members.sources).toEqual([
        {
          source: { code: '330503', name: '南浔区' },
          aggregateTypes: ['member'],
          lastEventId: event.eventId,
          lastEventAt: event.occurredAt,
          lastAppliedAt: expect.any(String),
          eventsBehind: 0,
          secondsBehind: 0,
        },
      ]);
      expect(Date.parse(members.sources[0].lastAppliedAt)).toBeGreaterThanOrEqual(
        Date.parse(event.occurredAt),
      );

      const response = await app.inject('/metrics');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
      const metrics = response.body;
      const city = 'subgraph="members",region="330500"';
      const fromNanxun = `${city},source="330503"`;
      expect(sample(metrics, `huishang_replica_events_behind{${fromNanxun}}`)).toBe(0);
      expect(sample(metrics, `huishang_replica_seconds_behind{${fromNanxun}}`)).toBe(0);
      expect(sample(metrics, `huishang_replica_events_applied_total{${city}}`)).toBe(1);
      expect(sample(metrics, `huishang_replica_dead_letters_total{${city}}`)).toBe(0);
      expect(sample(metrics, `huishang_outbox_backlog{${city}}`)).toBe(0);
      const nanxun = 'subgraph="members",region="330503"';
      expect(sample(metrics, `huishang_outbox_published_total{${nanxun}}`)).toBe(1);
      expect(sample(metrics, `huishang_outbox_backlog{${nanxun}}`)).toBe(0);
      expect(sample(metrics, 'huishang_bus_connected{subgraph="members"}')).toBe(1);

      // Other subgraphs contribute their part through the entity reference.
      const entities = await gql(
        app,
        `query ($representations: [_Any!]!) {
          _entities(representations: $representations) {
            ... on ReplicationStatus { members { sources { lastEventId } } }
          }
        }`,
        { representations: [{ __typename: 'ReplicationStatus', region: '330500' }] },
        { region: '330500' },
      );
      expect(entities.data._entities[0].members.sources).toEqual([{ lastEventId: event.eventId }]);
    } finally {
      await app.close();
    }
  });

  it('is refused to staff whose region does not contain the asked region', async () => {
    const app = await startNode();
    try {
      const atCity = await gql(
        app,
        statusQuery,
        { region: '330500' },
        { region: '330503', node: '330500' },
      );
      expect(atCity.errors[0].extensions).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'KIT_FORBIDDEN',
      });
      const atCounty = await gql(app, statusQuery, { region: '330500' }, { region: '330503' });
      expect(atCounty.errors[0].extensions.reason).toBe('KIT_REGION_NOT_SERVED');
      const entity = await gql(
        app,
        `query ($representations: [_Any!]!) {
          _entities(representations: $representations) { ... on ReplicationStatus { region } }
        }`,
        { representations: [{ __typename: 'ReplicationStatus', region: '330500' }] },
        { region: '330503', node: '330500' },
      );
      expect(entity.errors[0].extensions.code).toBe('FORBIDDEN');
      // The province may read Huzhou's figures, but only where Huzhou's node runs.
      const elsewhere = await gql(app, statusQuery, { region: '330000' }, { region: '330000' });
      expect(elsewhere.errors[0].extensions.reason).toBe('KIT_NODE_NOT_HOSTED');
    } finally {
      await app.close();
    }
  });

  it('answers not connected, with the outbox filling, when the node runs without a bus', async () => {
    const app = await startNode();
    try {
      await writeAtNanxun('吴丽华');
      const { data } = await gql(app, statusQuery, { region: '330503' }, { region: '330503' });
      expect(data.replicationStatus.members).toEqual({
        subgraph: 'members',
        connected: false,
        outboxBacklog: 1,
        sources: [],
      });
      const metrics = (await app.inject('/metrics')).body;
      expect(sample(metrics, 'huishang_bus_connected{subgraph="members"}')).toBe(0);
      expect(sample(metrics, 'huishang_outbox_backlog{subgraph="members",region="330503"}')).toBe(
        1,
      );
      expect(metrics).not.toContain('huishang_replica_events_behind{');
    } finally {
      await app.close();
    }
  });
});
