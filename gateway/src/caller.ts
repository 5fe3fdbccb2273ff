import { createHmac } from 'node:crypto';
import { isIPv6 } from 'node:net';
import type { Identity } from '@huishang/schema';
import type { GatewayConfig } from './config.js';
import { InvalidTokenError, MissingTokenError } from './errors.js';
import { verifyToken } from './token.js';

/** Who is calling one node: a verified identity, or the anonymous reader of that node. */
export interface Caller {
  identity: Identity;
  /** True when no token came and the gateway allows anonymous reads; such a caller never writes. */
  anonymous: boolean;
}

/** An anonymous reader sees what the public may see of the node it asks. */
export const anonymousIdentity = (node: string, subject = 'anonymous'): Identity => ({
  subject,
  region: node,
  roles: ['public'],
});

/**
 * The source an address stands for: an IPv4 address itself (also when IPv6-mapped), an
 * IPv6 address its /64, which one subscriber usually holds whole.
 */
export function sourceOf(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1] as string;
  if (!isIPv6(address)) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = address.includes('::') && tail ? tail.split(':') : [];
  const groups = [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/**
 * The anonymous caller from `address`, named by a pseudonym of it (keyed with the node's
 * internal secret, so the address itself is kept nowhere): the subgraphs count one
 * source's items waiting for moderation by it (`KIT_TOO_MANY_PENDING`).
 */
export function fromAddress(caller: Caller, node: string, address: string, secret: string): Caller {
  if (!caller.anonymous) return caller;
  const source = sourceOf(address);
  const pseudonym = createHmac('sha256', secret).update(`${node}|${source}`).digest('base64url');
  return { ...caller, identity: anonymousIdentity(node, `anonymous:${pseudonym.slice(0, 16)}`) };
}

/** The caller behind an Authorization header, for a request to `node` (its token must name that node). */
export async function identifyCaller(
  authorization: string | undefined,
  node: string,
  config: Pick<GatewayConfig, 'jwt' | 'anonymousRead'>,
  now: Date = new Date(),
): Promise<Caller> {
  if (!authorization) {
    if (!config.anonymousRead) throw new MissingTokenError();
    return { identity: anonymousIdentity(node), anonymous: true };
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match?.[1]) throw new InvalidTokenError('the Authorization header is not "Bearer <token>"');
  return { identity: await verifyToken(match[1], node, config.jwt, now), anonymous: false };
}
