import {
  adminCredentials,
  buildNatsConfig,
  nodeCredentials,
  provisionAccounts,
} from '@huishang/infra';
import { schemaName } from '@huishang/subgraph-kit';
import { provinceStreams } from '@huishang/subgraph-kit/bus';
import { type NatsServer, startNatsServer, waitUntil } from '@huishang/subgraph-kit/testing';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  busState,
  caughtUp,
  duplicateOwnerEvents,
  proposalsSeenAt,
  replicaVersions,
} from '../support/replicas.js';
import { startWriters, type Writers } from '../support/writers.js';
import { type NatsLink, startNatsLink } from './nats-link.js';
import { type PrivatePostgres, startPrivatePostgres } from './private-postgres.js';
import { type SubgraphProcess, subgraphProcess } from './subgraph-process.js';

// Nanxun 330503 owns proposals and relays their events; Huzhou 330500 keeps replicas of
// them. Each is a proposals subgraph in its own OS process with its own NATS user, over a
// PostgreSQL and a nats-server of this file's own, so both can be restarted. The county
// reaches NATS through a link that can be cut. Staff write through the county's GraphQL
// throughout; after every fault the city's replicas must equal the county's records.
const county = '330503';
const city = '330500';
const countySchema = schemaName('proposals', county);
const citySchema = schemaName('proposals', city);

let postgres: PrivatePostgres;
let nats: NatsServer;
let link: NatsLink;
let countyNode: SubgraphProcess;
let cityNode: SubgraphProcess;
let pool: pg.Pool;
/** The account admin's connection, to read the stream; it rides out the nats-server restart. */
let admin: NatsConnection;
/** Every write the county answered, with the version it reported: none may be lost. */
const acknowledged = new Map<string, number>();

const state = () => busState(pool, countySchema, citySchema, county);

beforeAll(async () => {
  postgres = await startPrivatePostgres('huishang_faults');
  nats = await startNatsServer({ config: buildNatsConfig([county, city]) });
  await provisionAccounts(nats.url, [county, city]);
  link = await startNatsLink(nats.port);
  const node = async (region: string, natsUrl: string) => {
    const { user, pass } = nodeCredentials(region);
    return subgraphProcess({
      subgraph: 'proposals',
      region,
      env: {
        DATABASE_URL: postgres.url,
        NATS_URL: natsUrl,
        NATS_USER: user,
        NATS_PASSWORD: pass,
        // infra provisioned the streams with the account's admin, as in production
        NATS_PROVISION_STREAMS: 'false',
        PG_POOL_SIZE: '6',
        // the writers sign identities with the kit's development internal secret
        HUISHANG_DEV: '1',
      },
    });
  };
  cityNode = await node(city, nats.url);
  countyNode = await node(county, link.url);
  await cityNode.start();
  await countyNode.start();
  admin = await connect({
    servers: nats.url,
    ...adminCredentials('330000'),
    maxReconnectAttempts: -1,
    reconnectTimeWait: 250,
  });
  pool = new pg.Pool({ connectionString: postgres.url, max: 2 });
  // idle connections die with the PostgreSQL restart; the pool replaces them
  pool.on('error', () => undefined);
});

afterAll(async () => {
  await countyNode?.kill('SIGTERM');
  await cityNode?.kill('SIGTERM');
  await pool?.end();
  await admin?.close();
  await link?.close();
  await nats?.dispose();
  await postgres?.dispose();
});

/** Messages in the province's event stream: each published event stored once, or more. */
async function streamMessages(): Promise<number> {
  const info = await (await jetstreamManager(admin)).streams.info(provinceStreams('330000').events);
  return info.state.messages;
}

const logs = () => `--- county ---\n${countyNode.logTail()}\n--- city ---\n${cityNode.logTail()}`;

/** Staff write at the county while `during` runs, then stop; returns what `during` returns. */
async function whileWriting<T>(during: (writers: Writers) => Promise<T>): Promise<T> {
  const writers = await startWriters({
    url: countyNode.url,
    region: county,
    concurrency: 6,
    acknowledged,
  });
  try {
    return await during(writers);
  } finally {
    await writers.stop();
  }
}

/** Waits until `writers` have had `more` further writes answered. */
const answered = (writers: Writers, more: number) => {
  const target = writers.events + more;
  return waitUntil(() => writers.events >= target, {
    what: `${more} more writes answered by the county`,
    ms: 60_000,
    detail: () => `failed requests so far: ${writers.failures}\n${logs()}`,
  });
};

/**
 * Waits for the city to catch up, then compares: every answered write is at the county,
 * the county wrote one event per change, the stream stored each event once, every replica
 * stands at its owner's version by that version's event, nothing was parked, and the city
 * answers for Nanxun exactly what Nanxun answers, children included.
 */
async function expectCityEqualsCounty() {
  await waitUntil(async () => caughtUp(await state()), {
    what: 'the city to catch up with the county',
    ms: 90_000,
    detail: async () => `${JSON.stringify(await state())}\n${logs()}`,
  });
  const final = await state();
  expect(final.deadLetters).toBe(0);
  const versions = await replicaVersions(pool, countySchema, citySchema, county);
  const atCounty = new Map(versions.atOwner.map((r) => [r.id, r.version]));
  const lost = [...acknowledged].filter(([id, version]) => (atCounty.get(id) ?? 0) < version);
  expect(lost).toEqual([]);
  expect(await duplicateOwnerEvents(pool, countySchema)).toBe(0);
  expect(versions.atReplica).toEqual(versions.atOwner);
  expect(await streamMessages()).toBe(final.events);
  const [owned, replicas] = await Promise.all([
    proposalsSeenAt(countyNode.url, county, county),
    proposalsSeenAt(cityNode.url, city, county),
  ]);
  expect(replicas.length).toBe(owned.length);
  expect(replicas).toEqual(owned);
  return final;
}

describe('the backbone under faults (Nanxun 330503 → Huzhou 330500)', () => {
  it('replicates a county’s writes to its city before any fault', async () => {
    await whileWriting((writers) => answered(writers, 60));
    const final = await expectCityEqualsCounty();
    expect(final.events).toBeGreaterThanOrEqual(60);
  });

  it('loses and repeats nothing when the county is SIGKILLed while relaying a burst', {
    timeout: 120_000,
  }, async ({ annotate }) => {
    // A backlog first, so the kill lands inside the relay's batches of 100: the county's
    // line is cut while staff keep writing, then restored.
    await link.cut();
    const atKill = await whileWriting(async (writers) => {
      await answered(writers, 400);
      const streamed = await streamMessages();
      await link.restore();
      // Batches are marked when all 100 rows are acknowledged: halfway into the second,
      // 50 rows are on the bus but not marked in the outbox.
      await waitUntil(async () => (await streamMessages()) >= streamed + 150, {
        what: 'the relay to publish 150 rows of the backlog',
        ms: 30_000,
        everyMs: 2,
        detail: logs,
      });
      await countyNode.kill('SIGKILL');
      const killed = { ...(await state()), streamed: await streamMessages() };
      await countyNode.start();
      await answered(writers, 60);
      return killed;
    });
    // killed with rows left to relay; those sent but not yet marked are sent again
    expect(atKill.unpublished).toBeGreaterThan(0);
    const unmarked = atKill.streamed - (atKill.events - atKill.unpublished);
    await annotate(
      `killed with ${atKill.unpublished} rows unpublished, ${unmarked} of them already on the bus`,
    );
    await expectCityEqualsCounty();
  });

  it('applies each event once when the city is SIGKILLed while applying', {
    timeout: 120_000,
  }, async ({ annotate }) => {
    const atKill = await whileWriting(async (writers) => {
      // A backlog at the city: it is down while the county writes, then applies it.
      await cityNode.kill('SIGTERM');
      await answered(writers, 400);
      const { replicaVersions: from } = await state();
      await cityNode.start();
      await waitUntil(async () => (await state()).replicaVersions >= from + 100, {
        what: 'the city to apply 100 events of its backlog',
        ms: 30_000,
        everyMs: 5,
        detail: logs,
      });
      await cityNode.kill('SIGKILL');
      const killed = await state();
      await cityNode.start();
      await answered(writers, 60);
      return killed;
    });
    // killed behind the county, holding messages it had not acknowledged
    expect(atKill.replicaVersions).toBeLessThan(atKill.ownerVersions);
    await annotate(`city killed ${atKill.ownerVersions - atKill.replicaVersions} versions behind`);
    await expectCityEqualsCounty();
  });

  it('resumes relaying and applying when nats-server restarts mid-flight', {
    timeout: 120_000,
  }, async () => {
    await whileWriting(async (writers) => {
      await answered(writers, 200);
      await nats.restart();
      await answered(writers, 200);
    });
    await expectCityEqualsCounty();
  });

  it('keeps every committed write when PostgreSQL crashes mid-flight', {
    timeout: 120_000,
  }, async ({ annotate }) => {
    const failures = await whileWriting(async (writers) => {
      await answered(writers, 200);
      const before = writers.failures;
      await postgres.crashAndRestart();
      await answered(writers, 200);
      return writers.failures - before;
    });
    await annotate(`${failures} writes refused while PostgreSQL was down`);
    await expectCityEqualsCounty();
  });

  it('keeps a county cut off from NATS writing, and catches the city up when it is back', {
    timeout: 120_000,
  }, async () => {
    await link.cut();
    const before = await state();
    const offline = await whileWriting(async (writers) => {
      await answered(writers, 300);
      const cutOff = await state();
      await link.restore();
      await answered(writers, 60);
      return cutOff;
    });
    // staff kept working; the city saw none of it while the county was away
    expect(offline.ownerVersions).toBeGreaterThanOrEqual(before.ownerVersions + 300);
    expect(offline.unpublished).toBeGreaterThanOrEqual(300);
    expect(offline.replicaVersions).toBe(before.replicaVersions);
    await expectCityEqualsCounty();
  });
});
