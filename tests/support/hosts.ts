import { mintToken } from '@huishang/gateway';
import {
  buildNatsConfig,
  createGraphqlClient,
  ensureNats,
  type GraphqlClient,
  type NatsEndpoint,
  type NodeHost,
  nodeCredentials,
  provisionAccounts,
  startNodeHost,
} from '@huishang/infra';
import type { Role } from '@huishang/schema';
import { createTestDatabase, type TestDatabase, waitUntil } from '@huishang/subgraph-kit/testing';

/** How a test's host serves: anonymous reads off unless asked for, a small pool. */
export interface TestHostOptions {
  anonymousRead?: boolean;
  poolSize?: number;
}

const hostOptions = (regions: string[], databaseUrl: string, options: TestHostOptions) => ({
  regions,
  databaseUrl,
  gatewayPort: 0,
  anonymousRead: options.anonymousRead ?? false,
  poolSize: options.poolSize ?? 6,
});

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
  const host = await startNodeHost(hostOptions(regions, database.url, options)).catch(
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
        ...hostOptions(hostRegions, database.url, options),
        bus: { url: nats.url, credentials: (region) => nodeCredentials(region) },
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
 * A GraphQL client of `host`'s gateway for `node`'s endpoint, with a token of `region`'s
 * `roles` (staff by default) signed by that gateway.
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
    await mintToken({ subject, region, roles }, host.gateway.jwt),
  );

/**
 * Reads until `done` holds and returns that reading for the test to assert on; fails with
 * the last reading when it never comes within `ms` (a bounded wait, not a timed assertion).
 */
export async function until<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  ms = 20_000,
): Promise<T> {
  let last: T | undefined;
  const arrived = async () => {
    last = await read();
    return done(last);
  };
  await waitUntil(arrived, {
    what: 'the awaited reading',
    ms,
    everyMs: 100,
    detail: () => `last reading: ${JSON.stringify(last)}`,
  });
  return last as T;
}
