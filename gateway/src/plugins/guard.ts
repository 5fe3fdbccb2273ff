import rateLimit from '@fastify/rate-limit';
import { HuishangError } from '@huishang/schema';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { GraphQLSchema } from 'graphql';
import { onlyPublicMutations } from '../anonymous-writes.js';
import type { Caller } from '../caller.js';
import type { GatewayContext } from '../context.js';
import {
  BadRequestError,
  InternalError,
  RateLimitedError,
  ResponseTooLargeError,
  SubgraphUnavailableError,
} from '../errors.js';
import { sendError, statusOf } from '../http-errors.js';
import type { Exposure, GatewayLimits, RateLimit } from '../limits.js';
import {
  type AdmittedOperation,
  admitOperation,
  DocumentVerdicts,
  type GraphqlParams,
  readGraphqlParams,
} from '../request-gate.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The GraphQL request the guard let through; null before it, or with no schema loaded. */
    admitted: (AdmittedOperation & { params: GraphqlParams }) | null;
  }
}

export interface GuardPluginOptions {
  limits: GatewayLimits;
  /** The API schema, once loaded. */
  schema: () => GraphQLSchema | undefined;
}

const isStaff = (caller: Caller) =>
  caller.identity.roles.some((role) => role === 'staff' || role === 'admin');

/** Whether `exposure` lets this caller in. */
export const exposedTo = (exposure: Exposure, caller: Caller | null): boolean =>
  exposure === 'on' || (exposure === 'staff' && !!caller && !caller.anonymous && isStaff(caller));

const contextOf = (request: FastifyRequest) => request.gatewayContext as GatewayContext;

/**
 * What holds the GraphQL routes against hostile load, in order: a rate limit per address
 * (before the token is verified), then per token; the request's shape, arguments and cost
 * budget (request-gate.ts) before Apollo plans anything; a stricter limit on anonymous
 * writes; and a cap on the answer's size. Every refusal is a GraphQL-shaped error with its
 * code, and answers are never a stack or a client's input echoed at length.
 */
export const guardPlugin = fp<GuardPluginOptions>(
  async (app, { limits, schema }) => {
    app.decorateRequest('admitted', null);
    await app.register(rateLimit, { global: false });
    const limiter = (limit: RateLimit, name: string, key: (r: FastifyRequest) => string) => {
      const check = app.createRateLimit({
        max: limit.max,
        timeWindow: limit.windowMs,
        // one store serves every limiter: the name keeps their counts apart
        keyGenerator: (request) => `${name}\u0000${key(request)}`,
      });
      return async (request: FastifyRequest, reply: FastifyReply, increment = true) => {
        const result = await check(request, { increment });
        if (result.isAllowed || !result.isExceeded) return;
        void reply.header('retry-after', result.ttlInSeconds);
        throw new RateLimitedError(name, result.ttl);
      };
    };
    const perAddress = limiter(limits.perAddress, 'per address', (r) => r.ip);
    const perToken = limiter(limits.perToken, 'per token', (r) => {
      const { identity, node } = contextOf(r);
      return `${node}\u0000${identity.subject}`;
    });
    const anonymousWrites = limiter(limits.anonymousWrites, 'anonymous writes', (r) => r.ip);
    const anonymousWritesAtNode = limiter(
      limits.anonymousWritesPerNode,
      'anonymous writes at a node',
      (r) => contextOf(r).node,
    );

    // An address counts its anonymous requests and its refused tokens (after the refusal);
    // signed-in callers are counted per token instead, so many staff behind one address
    // (an office, a seed script) are not one caller.
    app.addHook('onRequest', async (request, reply) => {
      await perAddress(request, reply, !request.headers.authorization);
    });
    app.addHook('onResponse', async (request, reply) => {
      if (reply.statusCode === 401 && request.headers.authorization)
        await perAddress(request, reply).catch(() => undefined);
    });
    const anonymousVerdicts = new DocumentVerdicts();
    const signedInVerdicts = new DocumentVerdicts();
    app.addHook('preHandler', async (request, reply) => {
      const context = contextOf(request);
      if (!context.anonymous) await perToken(request, reply);
      const loaded = schema();
      if (!loaded) return; // Apollo answers that the supergraph is not loaded
      const input = request.method === 'GET' ? request.query : request.body;
      const params = readGraphqlParams(input, limits);
      const admitted = admitOperation(params, {
        schema: loaded,
        ...(context.anonymous
          ? { budget: limits.anonymous, verdicts: anonymousVerdicts }
          : { budget: limits.signedIn, verdicts: signedInVerdicts }),
        introspection: exposedTo(limits.introspection, context),
      });
      request.admitted = { ...admitted, params };
      const { operation } = admitted;
      if (
        context.anonymous &&
        operation.operation === 'mutation' &&
        onlyPublicMutations(operation)
      ) {
        // each is held for moderation: a few per address, and a ceiling per node
        await anonymousWrites(request, reply);
        await anonymousWritesAtNode(request, reply);
      }
    });

    app.addHook('onSend', async (_request, reply, payload) => {
      const size = typeof payload === 'string' || Buffer.isBuffer(payload) ? payload.length : 0;
      if (size <= limits.responseBytes) return payload;
      const error = new ResponseTooLargeError(limits.responseBytes);
      void reply.code(400).type('application/json; charset=utf-8');
      return JSON.stringify({ errors: [{ message: error.message, extensions: error.extensions }] });
    });

    app.setErrorHandler((error, request, reply) => {
      if (error instanceof HuishangError && !(error instanceof SubgraphUnavailableError))
        return sendError(reply, statusOf(error), error);
      const status = (error as { statusCode?: number }).statusCode ?? 500;
      // Fastify's own refusals (malformed JSON, a body too large, a bad content type)
      if (status >= 400 && status < 500) {
        const code = (error as { code?: string }).code;
        const reason = status === 413 ? `the body exceeds ${limits.bodyBytes} bytes` : 'malformed';
        return sendError(reply, status, new BadRequestError(reason, { refusedBy: code }));
      }
      request.log.error({ err: error }, 'unexpected failure at the gateway');
      return sendError(reply, 500, new InternalError());
    });
  },
  { name: 'huishang-guard' },
);
