import { createIdentitySigner, getCommitteeRegion, type Role } from '@huishang/schema';
import Fastify, { type FastifyInstance, type FastifyRequest, LogController } from 'fastify';
import { AnswerCache } from './answer-cache.js';
import { identifyCaller } from './caller.js';
import { ChangeFollower } from './change-follower.js';
import type { GatewayConfig } from './config.js';
import { InvalidConfigError, RouteNotFoundError } from './errors.js';
import { startFederatedGateway } from './gateway.js';
import { sendError } from './http-errors.js';
import type { Exposure } from './limits.js';
import { dashboardPlugin } from './plugins/dashboard.js';
import { graphiqlPlugin } from './plugins/graphiql.js';
import { graphqlPlugin } from './plugins/graphql.js';
import { exposedTo } from './plugins/guard.js';
import { healthPlugin } from './plugins/health.js';

/** Whether an exposure lets this request in: on, or staff with a valid staff or admin token. */
async function staffMayShow(config: GatewayConfig, exposure: Exposure, request: FastifyRequest) {
  if (exposure !== 'staff') return exposure === 'on';
  const node = config.nodes[0] as string;
  try {
    const caller = await identifyCaller(request.headers.authorization, node, {
      ...config,
      anonymousRead: true,
    });
    return exposedTo(exposure, caller);
  } catch {
    return false;
  }
}

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

  const app = Fastify({
    logger: options.logger ?? false,
    // no log line per request on the hot path: refusals and failures are logged where they happen
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: config.limits.bodyBytes,
    // Only named proxies may say who the caller is: request.ip feeds the limits and the cap.
    ...(config.limits.trustedProxies.length > 0 && { trustProxy: config.limits.trustedProxies }),
  });
  const { apollo, subgraphs, schema, stop } = await startFederatedGateway(config, app.log);
  const sign = createIdentitySigner(config.internalSecret);
  const node = config.nodes[0] as string;
  const gatewayIdentity = {
    subject: 'huishang-gateway',
    region: node,
    roles: ['staff'] as Role[],
    node,
  };
  const changes = new ChangeFollower(
    [...subgraphs.values()].map((url) => ({ url, identity: () => sign(gatewayIdentity) })),
    app.log,
  );
  app.addHook('onClose', async () => {
    await changes.close();
    await stop();
  });

  await app.register(healthPlugin, {
    nodes: config.nodes,
    subgraphs,
    showDetails: (request) => staffMayShow(config, config.limits.readyDetails, request),
  });
  if (config.limits.graphiql) await app.register(graphiqlPlugin, { nodes: config.nodes });
  await app.register(dashboardPlugin, { config, changes });
  await app.register(graphqlPlugin, {
    config,
    apollo,
    schema,
    sign,
    cache: new AnswerCache(changes),
  });
  // unknown paths, said in the shape of every other refusal, never echoing the path
  app.setNotFoundHandler((_request, reply) => sendError(reply, 404, new RouteNotFoundError()));
  return app;
}
