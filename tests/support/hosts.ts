import { rmSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createTokenIssuer,
  generateSigningKey,
  type SigningKeyPair,
  type TokenIssuer,
} from '@huishang/gateway';
import {
  buildNatsConfig,
  createGraphqlClient,
  ensureNats,
  type GraphqlClient,
  hostToken,
  type NatsEndpoint,
  type NodeHost,
  type NodeHostOptions,
  nodeCredentials,
  provisionAccounts,
  startNodeHost,
} from '@huishang/infra';
import type { Role } from '@huishang/schema';
import { createTestDatabase, type TestDatabase, waitUntil } from '@huishang/subgraph-kit/testing';

/**
 * The callers' side of a test's hosts: an issuer with its own key pair, the JWKS and
 * revocation list files the hosts' gateways read (a temporary folder, removed at exit),
 * and the environment naming them. The internal secret stays the development one
 * (HUISHANG_DEV=1) because the support helpers sign identities for the subgraphs with it.
 */
export interface TestCallers {
  issuer: TokenIssuer;
  key: SigningKeyPair;
  files: { jwks: string; revocations: string };
  env: NodeJS.ProcessEnv;
}

export const testIssuer = 'huishang-test';

/** New callers for hosts of their own: a test that rotates keys or revokes tokens. */
export async function createTestCallers(): Promise<TestCallers> {
  const dir = await mkdtemp(join(tmpdir(), 'huishang-callers-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const key = await generateSigningKey();
  const files = { jwks: join(dir, 'callers.jwks.json'), revocations: join(dir, 'revoked.json') };
  await writeFile(files.jwks, JSON.stringify({ keys: [key.publicJwk] }));
  await writeFile(files.revocations, JSON.stringify({ tokens: [], subjects: {} }));
  return {
    issuer: await createTokenIssuer(key.privateJwk, testIssuer),
    key,
    files,
    env: {
      HUISHANG_DEV: '1',
      JWT_ISSUER: testIssuer,
      JWT_JWKS_FILE: files.jwks,
      JWT_REVOCATIONS_FILE: files.revocations,
    },
  };
}

let shared: Promise<TestCallers> | undefined;
/** The callers every host of this test file trusts unless it is given its own. */
export const sharedTestCallers = (): Promise<TestCallers> => {
  shared ??= createTestCallers();
  return shared;
};

/** How a test's host serves: anonymous reads off unless asked for, a small pool. */
export interface TestHostOptions {
  anonymousRead?: boolean;
  poolSize?: number;
  /** Whose tokens its gateway accepts. @default sharedTestCallers() */
  callers?: TestCallers;
  /** How often its bus checks each durable consumer on the server. @default 15000 */
  consumerCheckMs?: number;
  /** How often its reminder schedulers sweep (milliseconds). @default none runs */
  reminderSweepMs?: number;
}

const hostOptions = async (
  regions: string[],
  databaseUrl: string,
  options: TestHostOptions,
): Promise<NodeHostOptions> => {
  const callers = options.callers ?? (await sharedTestCallers());
  return {
    regions,
    databaseUrl,
    gatewayPort: 0,
    anonymousRead: options.anonymousRead ?? false,
    poolSize: options.poolSize ?? 6,
    ...(options.reminderSweepMs && { reminderSweepMs: options.reminderSweepMs }),
    env: callers.env,
    issuer: callers.issuer,
  };
};

/**
 * A host of `regions` behind its gateway, without a bus, on a fresh database `label`;
 * its `close` drops the database too.
 */
export async function startTestHost(
  label: string,
  regions: string[],
  options: TestHostOptions = {},
): Promise<NodeHost> {
  const database = await createTestDatabase(label);
  const host = await startNodeHost(await hostOptions(regions, database.url, options)).catch(
    async (error: unknown) => {
      await database.drop();
      throw error;
    },
  );
  return {
    ...host,
    async close() {
      await host.close();
      await database.drop();
    },
  };
}

/** One database and one nats-server shared by the hosts of an end-to-end test. */
export interface BusTestbed {
  database: TestDatabase;
  nats: NatsEndpoint;
  /**
   * Starts a host of `regions` behind its gateway, each region on the bus as its own NATS
   * user, and resolves once its bus runs.
   */
  startHost(regions: string[], options?: TestHostOptions): Promise<NodeHost>;
  /** Closes a host before the end, as a node going offline; `close` skips it then. */
  stopHost(host: NodeHost): Promise<void>;
  /** Closes the hosts still running, the nats-server and the database. */
  close(): Promise<void>;
}

/**
 * A fresh database `label` and a nats-server of the test's own with the generated accounts
 * config of `regions` (each province its own account, streams provisioned as in
 * production).
 */
export async function startBusTestbed(label: string, regions: string[]): Promise<BusTestbed> {
  const database = await createTestDatabase(label);
  const nats = await ensureNats({ config: buildNatsConfig(regions) });
  await provisionAccounts(nats.url, regions);
  const running = new Set<NodeHost>();
  return {
    database,
    nats,
    async startHost(hostRegions, options = {}) {
      const host = await startNodeHost({
        ...(await hostOptions(hostRegions, database.url, options)),
        bus: {
          url: nats.url,
          credentials: (region) => nodeCredentials(region),
          ...(options.consumerCheckMs && { consumerCheckMs: options.consumerCheckMs }),
        },
      });
      running.add(host);
      await host.busStarted();
      return host;
    },
    async stopHost(host) {
      running.delete(host);
      await host.close();
    },
    async close() {
      for (const host of [...running].reverse()) await host.close();
      await nats.stop();
      await database.drop();
    },
  };
}

/**
 * A GraphQL client of `host`'s gateway for `node`'s endpoint, with a token for that node of
 * `region`'s `roles` (staff by default) signed by the host's test issuer.
 */
export const gatewayClient = async (
  host: NodeHost,
  region: string,
  roles: Role[] = ['staff'],
  subject = `t-${region}`,
  node = region,
): Promise<GraphqlClient> =>
  createGraphqlClient(
    `${host.gatewayUrl}/${node}/graphql`,
    await hostToken(host.gateway, { subject, region, roles, nodes: [node] }),
  );

/** The kit's `waitUntil` as these tests call it: `done` on a reading, bounded by `ms`. */
export const until = <T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 20_000) =>
  waitUntil(read, { done, what: 'the awaited reading', ms, everyMs: 100 });
