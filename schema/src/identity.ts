import { jwtVerify, SignJWT } from 'jose';
import { LRUCache } from 'lru-cache';
import { InvalidIdentityError } from './errors.js';

/**
 * Roles a caller may hold; a JWT may carry several. A `member`'s subject is their member
 * id; a `unit`'s subject is the handling unit's name (e.g. 南浔区农业农村局), unique in its
 * region. `staff` are the committee's own office (proposal office, consultation office).
 */
export type Role = 'public' | 'reader' | 'member' | 'unit' | 'staff' | 'admin';
export const roles: readonly Role[] = ['public', 'reader', 'member', 'unit', 'staff', 'admin'];

/** Who is calling, as the gateway verified it. */
export interface Identity {
  subject: string;
  /** The caller's own region: county staff their county, city staff their city, … */
  region: string;
  roles: Role[];
}

/** What the gateway forwards to a subgraph: the caller, and the node being asked. */
export interface ForwardedIdentity extends Identity {
  /** The region whose node answers this request (one process may host many). */
  node: string;
}

/** The header that carries the forwarded identity from gateway to subgraph. */
export const identityHeader = 'x-huishang-identity';

/**
 * A subgraph's answer header: `node-region-roles` when the answer was computed without
 * reading who asked (the subject), so that it is the same for every caller with the same
 * node, region and roles (the kit's `watchSubject`); absent otherwise.
 */
export const callerScopeHeader = 'x-huishang-caller-scope';
export const regionRolesScope = 'node-region-roles';

const audience = 'huishang-subgraph';
const issuer = 'huishang-gateway';

const keyOf = (secret: string) => new TextEncoder().encode(secret);

/** Signs the identity for the subgraphs with the secret the node's services share. */
export async function signForwardedIdentity(
  identity: ForwardedIdentity,
  secret: string,
): Promise<string> {
  return new SignJWT({ region: identity.region, roles: identity.roles, node: identity.node })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(identity.subject)
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(keyOf(secret));
}

/** A verified identity and when its signature stops counting (ms since the epoch). */
interface Verified {
  identity: ForwardedIdentity;
  expiresAt: number;
}

async function verifyWithExpiry(token: string, secret: string): Promise<Verified> {
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), {
      audience,
      issuer,
      algorithms: ['HS256'],
    });
    const { sub, region, node, exp } = payload;
    const claimedRoles = payload.roles;
    if (typeof sub !== 'string' || typeof region !== 'string' || typeof node !== 'string') {
      throw new InvalidIdentityError('missing subject, region or node');
    }
    if (!Array.isArray(claimedRoles) || !claimedRoles.every((r) => roles.includes(r as Role))) {
      throw new InvalidIdentityError('bad roles');
    }
    if (typeof exp !== 'number') throw new InvalidIdentityError('no expiry');
    const identity = { subject: sub, region, node, roles: claimedRoles as Role[] };
    return { identity, expiresAt: exp * 1000 };
  } catch (error) {
    if (error instanceof InvalidIdentityError) throw error;
    throw new InvalidIdentityError('signature or claims rejected', error);
  }
}

/** Verifies a forwarded identity; anything unsigned, expired or malformed is refused. */
export async function verifyForwardedIdentity(
  token: string,
  secret: string,
): Promise<ForwardedIdentity> {
  return (await verifyWithExpiry(token, secret)).identity;
}

/** What tells one forwarded caller from another: every field, in one string. */
export const identityKey = (identity: ForwardedIdentity): string =>
  JSON.stringify([identity.node, identity.subject, identity.region, identity.roles]);

// Signing and verifying are per caller, not per request: a signed identity is reused for
// two of its five minutes (a subgraph never sees one expire in flight), a verified one
// until it expires. Both caches are bounded.
const reuseSignedMs = 120_000;
const cachedCallers = 10_000;

/** Signs forwarded identities with `secret`, each caller at a node once per two minutes. */
export function createIdentitySigner(
  secret: string,
): (identity: ForwardedIdentity) => Promise<string> {
  const signed = new LRUCache<string, Promise<string>>({ max: cachedCallers, ttl: reuseSignedMs });
  return (identity) => {
    const key = identityKey(identity);
    let token = signed.get(key);
    if (!token) {
      token = signForwardedIdentity(identity, secret);
      signed.set(key, token);
      token.catch(() => signed.delete(key));
    }
    return token;
  };
}

/**
 * Verifies forwarded identities with `secret`, each token once while it is valid: the
 * same token (a caller's, reused by its gateway) is not checked again until it expires.
 */
export function createIdentityVerifier(
  secret: string,
): (token: string) => Promise<ForwardedIdentity> {
  const verified = new LRUCache<string, Verified>({ max: cachedCallers });
  return async (token) => {
    const hit = verified.get(token);
    if (hit && Date.now() < hit.expiresAt) return hit.identity;
    const fresh = await verifyWithExpiry(token, secret);
    Object.freeze(fresh.identity.roles);
    Object.freeze(fresh.identity);
    verified.set(token, fresh);
    return fresh.identity;
  };
}
