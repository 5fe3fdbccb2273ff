import { buildSubgraphSchema, type GraphQLResolverMap } from '@apollo/subgraph';
import {
  callerScopeHeader,
  HuishangError,
  loadSubgraphSdl,
  regionRolesScope,
  type SubgraphName,
} from '@huishang/schema';
import type { PrismaPg } from '@prisma/adapter-pg';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { GraphQLError, parse } from 'graphql';
import mercurius from 'mercurius';
import type pg from 'pg';
import type { CommandHandler } from './bus/commands/handler.js';
import { busPlugin } from './bus/plugin.js';
import type { ReplicationHandler } from './bus/replica/handler.js';
import { watchSubject } from './caller-scope.js';
import { changesPlugin } from './changes.js';
import { defaultCommandWaitMs, hostedRegions, type SubgraphConfig } from './config.js';
import { createRequestContext, type RequestContext } from './context.js';
import { controlCharacterIn } from './control-characters.js';
import { createPool, type DisconnectableClient, type RegionDatabases } from './database.js';
import { InternalError, InvalidInputError, NodeBusyError } from './errors.js';
import { databasesPlugin } from './plugins/databases.js';
import { identityPlugin } from './plugins/identity.js';
import { metricsPlugin } from './plugins/metrics.js';
import { type RegionSweep, sweepsPlugin } from './plugins/sweeps.js';

/** What one subgraph package contributes; the kit does the rest. */
export interface SubgraphModule<C extends DisconnectableClient, X extends object> {
  name: SubgraphName;
  /** Folder of `<name>/migration.sql` files. */
  migrationsDir: string;
  createClient: (adapter: PrismaPg) => C;
  resolvers: GraphQLResolverMap<RequestContext<C> & X>;
  /** Per-request additions to the context, such as DataLoaders. */
  extendContext: (context: RequestContext<C>) => X;
  /** How replicas of records owned by lower nodes are applied. */
  replication?: ReplicationHandler;
  /**
   * Records the subgraph derives from its own node's events of other aggregates (members'
   * duty records): applied like replicas, by version, with the consumer's position.
   */
  derivation?: ReplicationHandler;
  /** Commands other nodes send to the records this subgraph owns (see the kit README). */
  commands?: CommandHandler[];
  /**
   * Sweeps run every `reminderSweepMs` over each hosted region (the reminder scheduler),
   * started and stopped with the app (`sweepsPlugin`).
   */
  sweeps?: readonly RegionSweep<C>[];
}

export interface SubgraphDeps {
  /** A pool shared with other subgraphs of the same process; else one is created and owned. */
  pool?: pg.Pool;
  logger?: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Whether this request's resolvers read who asked; null before its context exists. */
    subjectRead: (() => boolean) | null;
    /** Whether a resolver said its answer may change without an event (`RequestContext.noStore`). */
    noStore: boolean;
    /** Whether this request ran a mutation. */
    wrote: boolean;
  }
}

/** Prisma's "unable to start a transaction in the given time": every pool connection was busy. */
const isTransactionWaitTimeout = (error: Error) => (error as { code?: unknown }).code === 'P2028';

/**
 * Hides unexpected errors (SQL, bugs) behind a generic message; ours pass unchanged. A
 * transaction that could not start in time (a burst of writes on a loaded node) wrote
 * nothing, and says so with a code the caller can retry on.
 */
function maskUnexpected(error: GraphQLError): GraphQLError {
  const original = error.originalError;
  if (!original || original instanceof HuishangError || original instanceof GraphQLError)
    return error;
  if (isTransactionWaitTimeout(original)) {
    const busy = new NodeBusyError(original);
    return new GraphQLError(busy.message, {
      nodes: error.nodes,
      path: error.path,
      originalError: busy,
      extensions: busy.extensions,
    });
  }
  const internal = new InternalError();
  return new GraphQLError(internal.message, {
    nodes: error.nodes,
    path: error.path,
    extensions: internal.extensions,
  });
}

/** Builds a subgraph's Fastify app. It never listens: tests `inject()`, servers `listen()`. */
export async function buildSubgraphApp<C extends DisconnectableClient, X extends object>(
  module: SubgraphModule<C, X>,
  config: SubgraphConfig,
  deps: SubgraphDeps = {},
): Promise<FastifyInstance> {
  // no log line per request on the hot path: failures are logged where they happen
  const app = Fastify({
    logger: deps.logger ?? false,
    logController: new LogController({ disableRequestLogging: true }),
  });
  const pool = deps.pool ?? createPool(config.databaseUrl, config.poolSize);

  await app.register(identityPlugin, { internalSecret: config.internalSecret });
  await app.register(changesPlugin);
  await app.register(databasesPlugin, {
    pool,
    ownsPool: !deps.pool,
    subgraph: module.name,
    regions: hostedRegions(config.hosting),
    migrationsDir: module.migrationsDir,
    createClient: module.createClient,
  });
  if (config.bus) {
    await app.register(busPlugin, {
      bus: config.bus,
      subgraph: module.name,
      regions: hostedRegions(config.hosting),
      replication: module.replication,
      derivation: module.derivation,
      commands: module.commands,
    });
  }
  await app.register(metricsPlugin, {
    subgraph: module.name,
    regions: hostedRegions(config.hosting),
    aggregates: module.replication?.aggregates ?? [],
  });
  if (module.sweeps?.length && config.reminderSweepMs) {
    await app.register(sweepsPlugin, {
      sweeps: module.sweeps as readonly RegionSweep<DisconnectableClient>[],
      everyMs: config.reminderSweepMs,
      regions: hostedRegions(config.hosting),
    });
  }

  const schema = buildSubgraphSchema([
    {
      typeDefs: parse(loadSubgraphSdl(module.name)),
      resolvers: module.resolvers as GraphQLResolverMap<unknown>,
    },
  ]);
  await app.register(mercurius, {
    schema,
    path: '/graphql',
    graphiql: false,
    // a query executed twice is compiled (graphql-jit) and runs compiled from then on
    jit: 1,
    context: (request) => {
      const { identity, subjectRead } = watchSubject(request.identity);
      request.subjectRead = subjectRead;
      const base = createRequestContext(
        identity,
        app.databases as RegionDatabases<C>,
        module.name,
        { handlers: module.commands ?? [], waitMs: config.commandWaitMs ?? defaultCommandWaitMs },
        () => {
          request.noStore = true;
        },
      );
      return { ...base, ...module.extendContext(base) };
    },
    errorFormatter: (execution, context) => {
      for (const error of execution.errors) {
        if (!(error.originalError instanceof HuishangError))
          app.log.error({ err: error.originalError ?? error });
      }
      return mercurius.defaultErrorFormatter(
        { ...execution, errors: execution.errors.map(maskUnexpected) },
        context,
      );
    },
  });

  // tells the gateway whether an answer is the same for every caller of the same node,
  // region and roles, and whether it may keep it
  app.decorateRequest('subjectRead', null);
  app.decorateRequest('noStore', false);
  app.decorateRequest('wrote', false);
  app.addHook('onSend', async (request, reply) => {
    if (request.subjectRead && !request.subjectRead())
      void reply.header(callerScopeHeader, regionRolesScope);
    if (request.noStore) void reply.header('cache-control', 'no-store');
  });

  // NUL and other controls are the caller's mistake (BAD_USER_INPUT), refused before any
  // resolver runs, not a database failure reported as internal
  app.graphql.addHook('preExecution', async (_schema, document, context, variables) => {
    const where = controlCharacterIn(document, variables);
    if (where) throw new InvalidInputError(where, '含控制字符 / holds a control character');
    if (
      document.definitions.some(
        (d) => d.kind === 'OperationDefinition' && d.operation === 'mutation',
      )
    )
      context.reply.request.wrote = true;
  });
  // every write, with an event or without (rules, weights), changes what its node answers;
  // said once the answer is sent, so after its transaction committed
  app.addHook('onResponse', async (request) => {
    if (request.wrote && request.identity) app.changes.notify(request.identity.node);
  });

  app.get('/health', async () => ({ status: 'ok', subgraph: module.name }));
  app.get('/ready', async (_request, reply) => {
    try {
      await pool.query('SELECT 1');
      return { status: 'ready', subgraph: module.name, regions: hostedRegions(config.hosting) };
    } catch {
      return reply.code(503).send({ status: 'database unreachable', subgraph: module.name });
    }
  });
  return app;
}

/** Starts a subgraph as its own process: listen, and close cleanly on SIGTERM or SIGINT. */
export async function runSubgraph<C extends DisconnectableClient, X extends object>(
  module: SubgraphModule<C, X>,
  config: SubgraphConfig,
): Promise<void> {
  const app = await buildSubgraphApp(module, config, { logger: true });
  await app.listen({ host: config.host, port: config.port });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      app.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}
