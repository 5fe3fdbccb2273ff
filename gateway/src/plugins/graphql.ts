import type { ApolloServer } from '@apollo/server';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import { HuishangError } from '@huishang/schema';
import type { FastifyPluginAsync, FastifyRequest, RouteHandlerMethod } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import { fromAddress, identifyCaller } from '../caller.js';
import type { GatewayConfig } from '../config.js';
import { createGatewayContext, type GatewayContext } from '../context.js';
import { runWithDeadline } from '../deadline.js';
import { sendError } from '../http-errors.js';
import { endpointPaths, nodeOf } from '../nodes.js';
import { prepareTokenVerification } from '../token.js';
import { guardPlugin } from './guard.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The node asked and its caller; set on GraphQL routes before the handler runs. */
    gatewayContext: GatewayContext | null;
  }
}

export interface GraphqlPluginOptions {
  config: GatewayConfig;
  apollo: ApolloServer<GatewayContext>;
  /** The API schema, once loaded: the guard checks operations against it. */
  schema: () => GraphQLSchema | undefined;
}

function contextOf(request: FastifyRequest): GatewayContext {
  if (!request.gatewayContext) throw new Error('GraphQL route reached without its context');
  return request.gatewayContext;
}

/**
 * POST/GET `/:node/graphql` (and `/graphql` with one node): an unknown node is a 404,
 * a missing or bad token a 401, both before Apollo sees the request.
 */
export const graphqlPlugin: FastifyPluginAsync<GraphqlPluginOptions> = async (
  app,
  { config, apollo, schema },
) => {
  app.decorateRequest('gatewayContext', null);
  // the callers' keys and revocation list load now: a node with unusable ones does not start
  await prepareTokenVerification(config.jwt);
  // first, so that its per-address limit runs before any token is verified
  await app.register(guardPlugin, { limits: config.limits, schema });
  app.addHook('onRequest', async (request, reply) => {
    let node: string;
    try {
      node = nodeOf(request.params, config.nodes);
    } catch (error) {
      if (error instanceof HuishangError) return sendError(reply, 404, error);
      throw error;
    }
    try {
      const verified = await identifyCaller(request.headers.authorization, node, config);
      const caller = fromAddress(verified, node, request.ip, config.internalSecret);
      request.gatewayContext = createGatewayContext(caller, node, config.internalSecret);
    } catch (error) {
      if (!(error instanceof HuishangError)) throw error;
      void reply.header('www-authenticate', 'Bearer realm="huishang"');
      return sendError(reply, 401, error);
    }
  });
  const apolloHandler = fastifyApolloHandler(apollo, {
    context: async (request) => contextOf(request),
  });
  const handler: RouteHandlerMethod = function (request, reply) {
    const run = () => apolloHandler.call(this, request as never, reply as never);
    const admin = request.gatewayContext?.identity.roles.includes('admin');
    return runWithDeadline(admin ? config.limits.adminDeadlineMs : config.limits.deadlineMs, run);
  };
  for (const url of endpointPaths(config.nodes, 'graphql')) {
    app.route({ method: ['GET', 'POST'], url, handler });
  }
};
