import { jwtVerify, SignJWT } from 'jose';
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

/** Verifies a forwarded identity; anything unsigned, expired or malformed is refused. */
export async function verifyForwardedIdentity(
  token: string,
  secret: string,
): Promise<ForwardedIdentity> {
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), {
      audience,
      issuer,
      algorithms: ['HS256'],
    });
    const { sub, region, node } = payload;
    const claimedRoles = payload.roles;
    if (typeof sub !== 'string' || typeof region !== 'string' || typeof node !== 'string') {
      throw new InvalidIdentityError('missing subject, region or node');
    }
    if (!Array.isArray(claimedRoles) || !claimedRoles.every((r) => roles.includes(r as Role))) {
      throw new InvalidIdentityError('bad roles');
    }
    return { subject: sub, region, node, roles: claimedRoles as Role[] };
  } catch (error) {
    if (error instanceof InvalidIdentityError) throw error;
    throw new InvalidIdentityError('signature or claims rejected', error);
  }
}
