import { Readable } from 'node:stream';
import { type ApolloServer, HeaderMap } from '@apollo/server';
import { HuishangError } from '@huishang/schema';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import type { Answer, AnswerCache } from '../answer-cache.js';
import { fromAddress, identifyCaller } from '../caller.js';
import type { GatewayConfig } from '../config.js';
import { createGatewayContext, type GatewayContext, type IdentitySigner } from '../context.js';
import { runWithDeadline } from '../deadline.js';
import { sendError } from '../http-errors.js';
import { InFlight, WriteEpochs } from '../in-flight.js';
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
  /** Signs the identities forwarded to the subgraphs. */
  sign: IdentitySigner;
  /** Answers kept at upper nodes until their data changes. */
  cache: AnswerCache;
}

function contextOf(request: FastifyRequest): GatewayContext {
  if (!request.gatewayContext) throw new Error('GraphQL route reached without its context');
  return request.gatewayContext;
}

/** The request as Apollo reads it. */
function graphqlRequestOf(request: FastifyRequest) {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const query = request.url.indexOf('?');
  return {
    body: request.body,
    method: request.method,
    headers,
    search: query < 0 ? '' : request.url.slice(query),
  };
}

/**
 * What an identical request in flight may share: a query (never a write), answered whole
 * (not streamed in parts), by the same caller at the same node in the same write epoch.
 */
function shareKeyOf(request: FastifyRequest, context: GatewayContext): string | undefined {
  const admitted = request.admitted;
  if (admitted?.operation.operation !== 'query') return undefined;
  if (request.headers.accept?.includes('multipart')) return undefined;
  const { query, operationName, variables } = admitted.params;
  return `${context.shareKey}\u0000${JSON.stringify([query, operationName ?? null, variables])}`;
}

/** Says an answer came from the answer cache (for operators and tests; it names no data). */
export const keptAnswerHeader = 'x-huishang-answer';

const send = (reply: FastifyReply, { status, headers, body }: Answer) => {
  for (const [name, value] of headers) void reply.header(name, value);
  return reply.code(status).send(body);
};

/**
 * POST/GET `/:node/graphql` (and `/graphql` with one node): an unknown node is a 404,
 * a missing or bad token a 401, both before Apollo sees the request. Identical queries
 * of one caller in flight at once are executed once (`InFlight`), and at upper nodes
 * answered from the cache while the node's data has not changed (`AnswerCache`); a
 * mutation moves its node's write epoch on as it starts and as it ends, so no later read
 * shares an earlier one.
 */
export const graphqlPlugin: FastifyPluginAsync<GraphqlPluginOptions> = async (
  app,
  { config, apollo, schema, sign, cache },
) => {
  app.decorateRequest('gatewayContext', null);
  // the callers' keys and revocation list load now: a node with unusable ones does not start
  await prepareTokenVerification(config.jwt);
  // first, so that its per-address limit runs before any token is verified
  await app.register(guardPlugin, { limits: config.limits, schema });
  const epochs = new WriteEpochs();
  const answers = new InFlight<Answer>();
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
      request.gatewayContext = createGatewayContext(caller, node, sign, epochs.of(node));
    } catch (error) {
      if (!(error instanceof HuishangError)) throw error;
      void reply.header('www-authenticate', 'Bearer realm="huishang"');
      return sendError(reply, 401, error);
    }
  });

  const execute = (request: FastifyRequest, context: GatewayContext) => {
    const admin = context.identity.roles.includes('admin');
    const ms = admin ? config.limits.adminDeadlineMs : config.limits.deadlineMs;
    return runWithDeadline(ms, () =>
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: graphqlRequestOf(request),
        context: async () => context,
      }),
    );
  };
  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const context = contextOf(request);
    const key = shareKeyOf(request, context);
    if (key) {
      const kept = cache.keyOf(context.node, key);
      const hit = kept === undefined ? undefined : cache.get(kept);
      if (hit) return send(reply.header(keptAnswerHeader, 'kept'), hit);
      const answer = await answers.run(key, async () => {
        const { status = 200, headers, body } = await execute(request, context);
        if (body.kind !== 'complete') throw new Error('a query answered in parts');
        const complete = { status, headers, body: body.string };
        if (kept !== undefined && !context.keeping.refused) cache.keep(kept, complete);
        return complete;
      });
      return send(reply, answer);
    }
    const writes = request.admitted?.operation.operation === 'mutation';
    if (writes) epochs.advance(context.node);
    try {
      const { status = 200, headers, body } = await execute(request, context);
      if (body.kind === 'complete') return send(reply, { status, headers, body: body.string });
      for (const [name, value] of headers) void reply.header(name, value);
      return reply.code(status).send(Readable.from(body.asyncIterator));
    } finally {
      if (writes) epochs.advance(context.node);
    }
  };
  for (const url of endpointPaths(config.nodes, 'graphql')) {
    app.route({ method: ['GET', 'POST'], url, handler });
  }
};
