import {
  adminCredentials,
  buildNatsConfig,
  type NodeHost,
  nodeCredentials,
  provisionAccounts,
  startNodeHost,
} from '@huishang/infra';
import { createPool, schemaName } from '@huishang/subgraph-kit';
import { provinceStreams } from '@huishang/subgraph-kit/bus';
import {
  createTestDatabase,
  type NatsServer,
  startNatsServer,
  type TestDatabase,
} from '@huishang/subgraph-kit/testing';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedTestCallers, until } from '../support/hosts.js';
import { proposalsSeenAt } from '../support/replicas.js';
import { startWriters, type Writers } from '../support/writers.js';

// Nanxun 330503 and Deqing 330521 keep writing proposals at their own node while the
// province 330000 loses its database, a city node (Huzhou 330500) joins after the stream
// lost its old events, and the nats-server loses its JetStream store. Each time the upper
// nodes ask the owners to publish their current state again, and end up holding exactly
// what the owners hold: every proposal, at its version, with the same content.
const counties = ['330503', '330521'];
const regions = ['330000', '330500', ...counties];
const subgraphs = ['members', 'proposals', 'consultations', 'joint-sessions'];

let database: TestDatabase;
let nats: NatsServer;
let pool: pg.Pool;
let countyHost: NodeHost;
const hosts = new Set<NodeHost>();

async function startHost(hosted: string[]) {
  const callers = await sharedTestCallers();
  const host = await startNodeHost({
    regions: hosted,
    databaseUrl: database.url,
    gatewayPort: 0,
    anonymousRead: false,
    poolSize: 6,
    logger: process.env.DEBUG_RESYNC === '1',
    bus: { url: nats.url, credentials: (region) => nodeCredentials(region) },
    env: callers.env,
    issuer: callers.issuer,
  });
  hosts.add(host);
  await host.busStarted();
  return host;
}

async function stopHost(host: NodeHost) {
  hosts.delete(host);
  await host.close();
}

/** The subgraph's base URL, as the support helpers take it. */
const proposalsUrl = (host: NodeHost) => host.subgraphUrls.proposals.replace(/\/graphql$/, '');

/** Every county's proposals at `node` (its replicas) and at the owner, sorted by id. */
async function compare(host: NodeHost, node: string) {
  const seen = await Promise.all(
    counties.map(async (county) => ({
      owner: await proposalsSeenAt(proposalsUrl(countyHost), county, county),
      replica: await proposalsSeenAt(proposalsUrl(host), node, county),
    })),
  );
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
  return {
    owners: seen.flatMap((s) => s.owner).toSorted(byId),
    replicas: seen.flatMap((s) => s.replica).toSorted(byId),
  };
}

/** Waits until `node` holds what the counties hold, then asserts it to the field. */
async function expectConverged(host: NodeHost, node: string) {
  const last = await until(
    () => compare(host, node),
    (c) => JSON.stringify(c.owners) === JSON.stringify(c.replicas),
    90_000,
  );
  expect(last.owners.length).toBeGreaterThan(0);
  expect(last.replicas).toEqual(last.owners);
  const { rows } = await pool.query(
    `SELECT count(*)::int AS n FROM "${schemaName('proposals', node)}"._dead_letter`,
  );
  expect(rows[0].n).toBe(0);
}

/** Staff at both counties taking proposals along their path, for `ms`. */
async function writeFor(ms: number) {
  const acknowledged = new Map<string, number>();
  const writers: Writers[] = await Promise.all(
    counties.map((region) =>
      startWriters({ url: proposalsUrl(countyHost), region, concurrency: 1, acknowledged }),
    ),
  );
  await new Promise((r) => setTimeout(r, ms));
  await Promise.all(writers.map((w) => w.stop()));
  expect(writers.reduce((n, w) => n + w.events, 0)).toBeGreaterThan(0);
}

/** Streams as the account's admin sees them, e.g. to purge what aged out. */
async function asAdmin<T>(work: (jsm: Awaited<ReturnType<typeof jetstreamManager>>) => Promise<T>) {
  const nc = await connect({ servers: nats.url, ...adminCredentials('330000') });
  try {
    return await work(await jetstreamManager(nc));
  } finally {
    await nc.close();
  }
}

beforeAll(async () => {
  database = await createTestDatabase('resync_e2e');
  pool = createPool(database.url, 2);
  nats = await startNatsServer({ config: buildNatsConfig(regions) });
  await provisionAccounts(nats.url, regions);
  countyHost = await startHost(counties);
});

afterAll(async () => {
  for (const host of [...hosts].reverse()) await host.close();
  await pool?.end();
  await nats?.dispose();
  await database?.drop();
});

// Each case waits for convergence after faults: more than the e2e default of a minute.
describe('resync', { timeout: 180_000 }, () => {
  let province: NodeHost;

  it('brings a province whose database was wiped back to what every county holds', async () => {
    province = await startHost(['330000']);
    await writeFor(3_000);
    await expectConverged(province, '330000');

    // The province goes down and loses its database (its schemas), while counties write.
    await stopHost(province);
    for (const subgraph of subgraphs)
      await pool.query(`DROP SCHEMA "${schemaName(subgraph, '330000')}" CASCADE`);
    await writeFor(2_000);
    province = await startHost(['330000']);
    await writeFor(2_000);
    await expectConverged(province, '330000');
  });

  it('fills a city node that joins after the stream lost its old events', async () => {
    await asAdmin((jsm) => jsm.streams.purge(provinceStreams('330000').events));
    const huzhou = await startHost(['330500']);
    await expectConverged(huzhou, '330500');
    await writeFor(2_000);
    await expectConverged(huzhou, '330500');
    await expectConverged(province, '330000');
  });

  it('recovers every replica when the nats-server loses its JetStream store', async () => {
    await nats.restart({ freshStore: true });
    // The account's admin provisions the streams again, as operations would.
    await provisionAccounts(nats.url, regions);
    await writeFor(3_000);
    await expectConverged(province, '330000');
    const huzhou = [...hosts].find((h) => h.gateway.nodes.includes('330500')) as NodeHost;
    await expectConverged(huzhou, '330500');
  });
});
