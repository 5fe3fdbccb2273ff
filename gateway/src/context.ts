import { type ForwardedIdentity, signForwardedIdentity } from '@huishang/schema';
import type { Caller } from './caller.js';

/** What each GraphQL request carries through the gateway to its subgraph fetches. */
export interface GatewayContext extends Caller {
  /** The region whose node this request asks. */
  node: string;
  /** The identity forwarded to subgraphs, signed on first use and reused by every fetch. */
  forwardedIdentity(): Promise<string>;
}

export function createGatewayContext(
  caller: Caller,
  node: string,
  internalSecret: string,
): GatewayContext {
  let signed: Promise<string> | undefined;
  return {
    ...caller,
    node,
    forwardedIdentity() {
      const forwarded: ForwardedIdentity = { ...caller.identity, node };
      signed ??= signForwardedIdentity(forwarded, internalSecret);
      return signed;
    },
  };
}
