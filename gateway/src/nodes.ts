import { HuishangError } from '@huishang/schema';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { UnknownNodeError } from './errors.js';
import { sendError } from './http-errors.js';

/** The node a request asks: the `:node` path parameter, else the gateway's only node. */
export function nodeOf(params: unknown, nodes: readonly string[]): string {
  const named = (params as { node?: string } | undefined)?.node;
  const node = named ?? (nodes.length === 1 ? nodes[0] : undefined);
  if (!node || !nodes.includes(node)) throw new UnknownNodeError(named ?? '', nodes);
  return node;
}

/** The paths one endpoint is served at: per node, and at the root when there is one node. */
export const endpointPaths = (nodes: readonly string[], endpoint: string): string[] =>
  nodes.length === 1 ? [`/:node/${endpoint}`, `/${endpoint}`] : [`/:node/${endpoint}`];

/**
 * The node a page request asks, or undefined once a 404 naming the nodes served was sent:
 * what every per-node page (GraphiQL, the dashboard) does first.
 */
export function pageNode(
  request: FastifyRequest,
  reply: FastifyReply,
  nodes: readonly string[],
): string | undefined {
  try {
    return nodeOf(request.params, nodes);
  } catch (error) {
    if (!(error instanceof HuishangError)) throw error;
    void sendError(reply, 404, error);
    return undefined;
  }
}
