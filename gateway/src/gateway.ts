import { readFile } from 'node:fs/promises';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { SubgraphName } from '@huishang/schema';
import type { FastifyBaseLogger } from 'fastify';
import { refuseAnonymousWrites } from './anonymous-writes.js';
import type { GatewayConfig } from './config.js';
import type { GatewayContext } from './context.js';
import { IdentityForwardingDataSource } from './data-source.js';

export interface FederatedGateway {
  apollo: ApolloServer<GatewayContext>;
  /** Subgraph name → URL the gateway fetches from; filled when the supergraph loads. */
  subgraphs: Map<string, string>;
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
  const gateway = new ApolloGateway({
    supergraphSdl: await readFile(config.supergraphPath, 'utf8'),
    logger,
    buildService({ name, url }) {
      const target = config.subgraphUrls[name as SubgraphName] ?? url;
      if (!target) throw new Error(`the supergraph gives subgraph ${name} no URL`);
      subgraphs.set(name, target);
      return new IdentityForwardingDataSource(name, target);
    },
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    logger,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // server.ts closes the app on signals; Apollo must not exit on its own
    stopOnTerminationSignals: false,
    plugins: [ApolloServerPluginLandingPageDisabled(), refuseAnonymousWrites],
  });
  await apollo.start();
  return { apollo, subgraphs };
}
