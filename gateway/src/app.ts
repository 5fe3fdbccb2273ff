import { getCommitteeRegion } from '@huishang/schema';
import Fastify, { type FastifyInstance } from 'fastify';
import type { GatewayConfig } from './config.js';
import { InvalidConfigError } from './errors.js';
import { startFederatedGateway } from './gateway.js';
import { graphiqlPlugin } from './plugins/graphiql.js';
import { graphqlPlugin } from './plugins/graphql.js';
import { healthPlugin } from './plugins/health.js';

/**
 * Builds the gateway's Fastify app over the supergraph file, serving every configured
 * node. It never listens: tests `inject()`, servers `listen()`. Closing it stops Apollo.
 */
export async function buildGatewayApp(
  config: GatewayConfig,
  options: { logger?: boolean } = {},
): Promise<FastifyInstance> {
  if (config.nodes.length === 0) throw new InvalidConfigError('nodes', 'names no region');
  for (const node of config.nodes) getCommitteeRegion(node);

  const app = Fastify({ logger: options.logger ?? false });
  const { apollo, subgraphs } = await startFederatedGateway(config, app.log);
  app.addHook('onClose', () => apollo.stop());

  await app.register(healthPlugin, { nodes: config.nodes, subgraphs });
  await app.register(graphiqlPlugin, { nodes: config.nodes });
  await app.register(graphqlPlugin, { config, apollo });
  return app;
}
