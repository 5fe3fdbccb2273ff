import { consultationsSubgraph } from '@huishang/consultations';
import {
  buildGatewayApp,
  developmentTokenIssuer,
  type GatewayConfig,
  loadGatewayConfig,
  type MintClaims,
  type MintOptions,
  mintToken,
  type TokenIssuer,
} from '@huishang/gateway';
import { jointSessionsSubgraph } from '@huishang/joint-sessions';
import { membersSubgraph } from '@huishang/members';
import { proposalsSubgraph } from '@huishang/proposals';
import { type SubgraphName, subgraphNames } from '@huishang/schema';
import {
  type BusConfig,
  buildSubgraphApp,
  createPool,
  migrateSubgraphSchemas,
  type SubgraphConfig,
  type SubgraphModule,
} from '@huishang/subgraph-kit';
import type { FastifyInstance } from 'fastify';

// biome-ignore lint/suspicious/noExplicitAny: each module has its own client and context types
const modules: Record<SubgraphName, SubgraphModule<any, any>> = {
  members: membersSubgraph,
  proposals: proposalsSubgraph,
  consultations: consultationsSubgraph,
  'joint-sessions': jointSessionsSubgraph,
};

export interface NodeHostOptions {
  /** The regions whose nodes run here, one PostgreSQL schema set each. */
  regions: string[];
  databaseUrl: string;
  /** Gateway port; 0 picks a free one. */
  gatewayPort: number;
  /** Subgraph ports by name; 0 (the default) picks free ones. */
  subgraphPorts?: Partial<Record<SubgraphName, number>>;
  anonymousRead: boolean;
  /** Connections in the one pool all subgraphs and regions share. @default 20 */
  poolSize?: number;
  logger?: boolean;
  /** How often each node's reminder scheduler sweeps (milliseconds); absent, none runs. */
  reminderSweepMs?: number;
  /**
   * The NATS bus, each region connecting as its own node user. Streams are not
   * provisioned by the nodes: provision them first with the accounts' admins
   * (`provisionAccounts`). Absent, the nodes run alone.
   */
  bus?: {
    url: string;
    credentials: NonNullable<BusConfig['credentials']>;
    consumerCheckMs?: number;
  };
  /**
   * The nodes' secrets and callers' token settings, read as a node reads them
   * (HUISHANG_INTERNAL_SECRET, JWT_JWKS_FILE, JWT_ISSUER, JWT_REVOCATIONS_FILE, HUISHANG_DEV…),
   * so a host fails closed like a node. @default process.env
   */
  env?: NodeJS.ProcessEnv;
  /**
   * What mints the callers' tokens of this host's seeds and tests (a test's own key whose
   * public half is in the host's JWKS). @default with development keys, the development issuer
   */
  issuer?: TokenIssuer;
}

/** A host's gateway config, and the issuer its callers' tokens come from if the host holds one. */
export interface HostedGateway extends GatewayConfig {
  issuer?: TokenIssuer;
}

/** A token the host's gateway accepts, minted by the host's issuer. */
export function hostToken(
  gateway: HostedGateway,
  claims: MintClaims,
  options?: MintOptions,
): Promise<string> {
  if (!gateway.issuer) {
    throw new Error('this host holds no issuer key: its callers bring their own tokens');
  }
  return mintToken(claims, gateway.issuer, options);
}

export interface NodeHost {
  gatewayUrl: string;
  subgraphUrls: Record<SubgraphName, string>;
  gateway: HostedGateway;
  /** Resolves once every subgraph's bus is connected and running (at once without a bus). */
  busStarted(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Runs many regions' nodes in one process: the four subgraphs (each hosting every region,
 * over one shared pool) and one gateway that serves each region at `/<code>/graphql`.
 */
export async function startNodeHost(options: NodeHostOptions): Promise<NodeHost> {
  // read first: a host with unfit secrets or keys starts nothing
  const configured = loadGatewayConfig(options.env ?? process.env);
  const pool = createPool(options.databaseUrl, options.poolSize ?? 20);
  const apps: FastifyInstance[] = [];
  const close = async () => {
    for (const app of apps.reverse()) await app.close();
    await pool.end();
  };
  try {
    // Every subgraph's schemas of every region at once, before the apps boot: a fresh
    // database's hundreds of schemas are created a few at a time across the pool, and a
    // migrated one costs one query; each app's own check then finds nothing to do.
    await migrateSubgraphSchemas(
      pool,
      subgraphNames.map((name) => ({
        subgraph: name,
        migrationsDir: modules[name].migrationsDir,
        regions: options.regions,
      })),
    );
    const subgraphUrls = {} as Record<SubgraphName, string>;
    for (const name of subgraphNames) {
      const config: SubgraphConfig = {
        host: '127.0.0.1',
        port: options.subgraphPorts?.[name] ?? 0,
        databaseUrl: options.databaseUrl,
        internalSecret: configured.internalSecret,
        hosting: { mode: 'multi', regions: options.regions },
        poolSize: 0,
        ...(options.reminderSweepMs && { reminderSweepMs: options.reminderSweepMs }),
        ...(options.bus && {
          bus: {
            servers: options.bus.url,
            credentials: options.bus.credentials,
            provisionStreams: false,
            ...(options.bus.consumerCheckMs && { consumerCheckMs: options.bus.consumerCheckMs }),
          },
        }),
      };
      const app = await buildSubgraphApp(modules[name], config, { pool, logger: options.logger });
      apps.push(app);
      const address = await app.listen({ host: config.host, port: config.port });
      subgraphUrls[name] = `${address}/graphql`;
    }
    const issuer =
      options.issuer ??
      (configured.jwt.keys.kind === 'development'
        ? await developmentTokenIssuer(configured.jwt.issuer)
        : undefined);
    const config: GatewayConfig = {
      ...configured,
      host: '127.0.0.1',
      port: options.gatewayPort,
      nodes: options.regions,
      subgraphUrls,
      anonymousRead: options.anonymousRead,
    };
    // the gateway itself gets no private key: it only verifies
    const app = await buildGatewayApp(config, { logger: options.logger });
    const gateway: HostedGateway = { ...config, ...(issuer && { issuer }) };
    apps.push(app);
    const gatewayUrl = await app.listen({ host: gateway.host, port: gateway.port });
    const busStarted = async () => {
      await Promise.all(apps.filter((a) => a.hasDecorator('bus')).map((a) => a.bus.started()));
    };
    return { gatewayUrl, subgraphUrls, gateway, busStarted, close };
  } catch (error) {
    await close();
    throw error;
  }
}
