import { UnknownNodeError } from './errors.js';

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
