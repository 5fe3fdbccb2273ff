// What `npm start` (demo.ts) and `npm run demo:province` (demo-province.ts) share:
// PostgreSQL, NATS with every province's streams, the node host with each region on the
// bus as its own user, the endpoints printed, and Ctrl-C.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { defaultSubgraphPorts } from '@huishang/schema';
import { buildNatsConfig, nodeCredentials } from './nats/accounts.js';
import { devNatsConfig, devNatsNodes } from './nats/dev.js';
import { ensureNats, type NatsEndpoint } from './nats/start.js';
import { provisionAccounts } from './nats/streams.js';
import { type HostedGateway, hostToken, type NodeHost, startNodeHost } from './node-host.js';
import { ensureDatabase, ensurePostgres, type PostgresServer } from './postgres.js';

export interface DemoOptions {
  regions: string[];
  /** The database when DATABASE_URL names none. */
  defaultDatabase: string;
  /**
   * Keep the JetStream store of a nats-server started here beside the database, under
   * `.demo-data/nats-<database>`, so a restart keeps the stream. @default false (temporary)
   */
  persistNats?: boolean;
  /**
   * The subgraphs' ports: 4001–4004, or free ones when PORT moves the gateway off 4000
   * (another demo runs beside this one). @default 'default'
   */
  subgraphPorts?: 'default' | 'free-when-port-set';
  /** Connections in the host's one pool. @default 20 */
  poolSize?: number;
  log: (line: string) => void;
}

export interface Demo {
  /** `.demo-data` at the repository's root: what the demo keeps between runs. */
  dataDir: string;
  postgres: PostgresServer;
  databaseName: string;
  databaseUrl: string;
  nats: NatsEndpoint;
  host: NodeHost;
  /** Stops the nodes, then NATS and PostgreSQL if the demo started them. */
  stop(): Promise<void>;
}

const demoDataDir = (name: string) =>
  fileURLToPath(new URL(`../../.demo-data/${name}`, import.meta.url));

/**
 * PostgreSQL (DATABASE_URL, else the local server, else an embedded one), NATS (NATS_URL,
 * else a nats-server started here with the regions' accounts), every province's streams
 * provisioned by its account's admin, then the regions' nodes at PORT (4000).
 */
export async function startDemo(options: DemoOptions): Promise<Demo> {
  const { regions, log } = options;
  const started: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const step of started.reverse()) await step();
    started.length = 0;
  };
  try {
    const postgres = await ensurePostgres(process.env.DATABASE_URL, log);
    started.push(() => postgres.stop());
    const databaseName = process.env.DATABASE_URL
      ? new URL(process.env.DATABASE_URL).pathname.slice(1) || options.defaultDatabase
      : options.defaultDatabase;
    const databaseUrl = await ensureDatabase(postgres.serverUrl, databaseName);

    // infra/nats/dev.conf unless the regions asked for go beyond its nodes.
    const natsConfig = regions.every((r) => devNatsNodes.includes(r))
      ? devNatsConfig()
      : buildNatsConfig([...new Set([...devNatsNodes, ...regions])]);
    const nats = await ensureNats({
      url: process.env.NATS_URL,
      config: natsConfig,
      ...(options.persistNats && { storeDir: demoDataDir(`nats-${databaseName}`) }),
    });
    started.push(() => nats.stop());
    await provisionAccounts(nats.url, regions);

    const gatewayPort = Number(process.env.PORT ?? 4000);
    const freeSubgraphPorts =
      options.subgraphPorts === 'free-when-port-set' && gatewayPort !== 4000;
    const host = await startNodeHost({
      regions,
      databaseUrl,
      gatewayPort,
      subgraphPorts: freeSubgraphPorts ? {} : defaultSubgraphPorts,
      anonymousRead: true,
      ...(options.poolSize && { poolSize: options.poolSize }),
      // records turning yellow or red are reminded by themselves, as in production
      reminderSweepMs: Number(process.env.HUISHANG_REMINDER_SWEEP_MS ?? 60_000),
      bus: { url: nats.url, credentials: (region) => nodeCredentials(region) },
      // the demo is a development node: its secrets and caller keys are the development ones
      env: { ...process.env, HUISHANG_DEV: '1' },
    });
    started.push(() => host.close());
    await host.busStarted();
    const dataDir = demoDataDir('');
    await mkdir(dataDir, { recursive: true });
    return { dataDir, postgres, databaseName, databaseUrl, nats, host, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A reader or staff token for a node, valid 12 hours. */
export const demoToken = (gateway: HostedGateway, region: string, role: 'reader' | 'staff') =>
  hostToken(
    gateway,
    { subject: `demo-${role}-${region}`, region, roles: [role] },
    { expiresIn: '12h' },
  );

/**
 * A node's 驾驶舱 signed in as its staff: the token rides in the fragment, which the
 * browser keeps to itself (never in a request line or an access log).
 */
export const dashboardUrl = async (host: NodeHost, region: string) =>
  `${host.gatewayUrl}/${region}/dashboard#token=${await demoToken(host.gateway, region, 'staff')}`;

/** The province's answer for Nanxun from its replicas, as one `curl` line. */
export const provinceCurl = async (host: NodeHost) =>
  `curl -s ${host.gatewayUrl}/330000/graphql -H 'content-type: application/json' -H 'authorization: Bearer ${await demoToken(host.gateway, '330000', 'reader')}' -d '{"query":"{ region(code:\\"330503\\"){ code name level parent{ code name } } proposals(region:\\"330503\\", first:3){ totalCount edges{ node{ id title status proposer{ id name } } } pageInfo{ hasNextPage endCursor } } }"}'`;

/**
 * Ctrl-C (or SIGTERM, or the terminal closing: SIGHUP) stops the demo and exits. A crash
 * ends the nats-server it started through the `exit` event (`spawnTiedToProcess`).
 */
export function stopOnSignals(demo: Demo, log: (line: string) => void): void {
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    // `on`, not `once`: Ctrl-C under npm delivers SIGINT twice (from the terminal and from npm).
    process.on(signal, async () => {
      if (stopping) return;
      stopping = true;
      log('\nstopping…');
      await demo.stop();
      log('stopped');
      process.exit(0);
    });
  }
}
