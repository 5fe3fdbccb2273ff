import { type ForwardedIdentity, identityKey } from '@huishang/schema';
import type { Caller } from './caller.js';

/** Signs a forwarded identity (`createIdentitySigner` of @huishang/schema: once per caller). */
export type IdentitySigner = (identity: ForwardedIdentity) => Promise<string>;

/** What each GraphQL request carries through the gateway to its subgraph fetches. */
export interface GatewayContext extends Caller {
  /** The region whose node this request asks. */
  node: string;
  /** The identity forwarded to subgraphs, signed on first use and reused by every fetch. */
  forwardedIdentity(): Promise<string>;
  /**
   * Who asks at which node, and the node's write epoch when the request came: reads are
   * shared only between requests with the same key (see `InFlight`).
   */
  shareKey: string;
  /**
   * The same without the subject: who may receive an answer its subgraph computed without
   * reading who asked (`callerScopeHeader`).
   */
  scopeKey: string;
  /**
   * Set when a subgraph said its answer may change without an event: the answer is not
   * kept. An object, since Apollo hands the data sources a shallow copy of the context.
   */
  keeping: { refused: boolean };
}

export function createGatewayContext(
  caller: Caller,
  node: string,
  sign: IdentitySigner,
  epoch = 0,
): GatewayContext {
  const forwarded: ForwardedIdentity = { ...caller.identity, node };
  let signed: Promise<string> | undefined;
  return {
    ...caller,
    node,
    forwardedIdentity() {
      signed ??= sign(forwarded);
      return signed;
    },
    shareKey: `${identityKey(forwarded)}\u0000${epoch}`,
    keeping: { refused: false },
    scopeKey: `${JSON.stringify([node, forwarded.region, forwarded.roles])}\u0000${epoch}`,
  };
}
