import { readFile } from 'node:fs/promises';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { SubgraphName } from '@huishang/schema';
import type { FastifyBaseLogger } from 'fastify';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { refuseAnonymousWrites } from './anonymous-writes.js';
import type { GatewayConfig } from './config.js';
import type { GatewayContext } from './context.js';
import { SubgraphDataSource } from './data-source.js';

// an error may quote a caller's input (an unknown code of 500,000 digits): never at length
const maxErrorText = 500;
const bounded = (value: unknown) =>
  typeof value === 'string' && value.length > maxErrorText
    ? `${value.slice(0, maxErrorText)}…`
    : value;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;
const boundedEach = (object: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(object).map(([k, v]) => [k, bounded(v)]));

/** An error as a caller sees it: its message and each text in its extensions and fields bounded. */
export function boundedError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const fields = formatted.extensions?.fields;
  const extensions = formatted.extensions && {
    ...boundedEach(formatted.extensions),
    ...(isObject(fields) && { fields: boundedEach(fields) }),
  };
  return {
    ...formatted,
    message: bounded(formatted.message) as string,
    ...(extensions && { extensions }),
  };
}

export interface FederatedGateway {
  apollo: ApolloServer<GatewayContext>;
  /** Subgraph name → URL the gateway fetches from; filled when the supergraph loads. */
  subgraphs: Map<string, string>;
  /** The API schema callers query, once the supergraph is loaded. */
  schema(): GraphQLSchema | undefined;
  /** Stops Apollo and closes the connections to the subgraphs. */
  stop(): Promise<void>;
}

/**
 * One ApolloGateway over the supergraph file, shared by every node this process serves
 * (the node travels in each request's forwarded identity). Started before it returns.
 */
export async function startFederatedGateway(
  config: GatewayConfig,
  logger: FastifyBaseLogger,
): Promise<FederatedGateway> {
  const subgraphs = new Map<string, string>();
  const sources: SubgraphDataSource[] = [];
  const gateway = new ApolloGateway({
    supergraphSdl: await readFile(config.supergraphPath, 'utf8'),
    logger,
    buildService({ name, url }) {
      const target = config.subgraphUrls[name as SubgraphName] ?? url;
      if (!target) throw new Error(`the supergraph gives subgraph ${name} no URL`);
      subgraphs.set(name, target);
      const source = new SubgraphDataSource(name, target, config.limits.responseBytes);
      sources.push(source);
      return source;
    },
  });
  let schema: GraphQLSchema | undefined;
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => {
    schema = apiSchema;
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    logger,
    // who may introspect is decided per caller before Apollo (request-gate.ts)
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // server.ts closes the app on signals; Apollo must not exit on its own
    stopOnTerminationSignals: false,
    plugins: [ApolloServerPluginLandingPageDisabled(), refuseAnonymousWrites],
    formatError: boundedError,
  });
  await apollo.start();
  const stop = async () => {
    await apollo.stop();
    await Promise.all(sources.map((source) => source.close()));
  };
  return { apollo, subgraphs, schema: () => schema, stop };
}
