import { findRegion, getRegion, type Identity, type Role, roles } from '@huishang/schema';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import type { GatewayConfig } from './config.js';
import { InvalidClaimsError, InvalidTokenError } from './errors.js';

type JwtSettings = GatewayConfig['jwt'];

const keyOf = (secret: string) => new TextEncoder().encode(secret);

const isRoleList = (value: unknown): value is Role[] =>
  Array.isArray(value) && value.length > 0 && value.every((r) => roles.includes(r as Role));

/**
 * Signs a caller's token (development and tests; production tokens come from the
 * province's identity provider with the same claims: sub, region, roles).
 * The region must be known and the roles ours, so a minted token is one the gateway accepts.
 */
export async function mintToken(
  claims: { subject: string; region: string; roles: Role[] },
  jwt: JwtSettings,
  expiresIn = '1h',
): Promise<string> {
  if (!claims.subject.trim()) throw new InvalidClaimsError('empty subject');
  await getRegion(claims.region);
  if (!isRoleList(claims.roles)) {
    throw new InvalidClaimsError(`roles must be some of ${roles.join(', ')}`, {
      roles: claims.roles,
    });
  }
  try {
    return await new SignJWT({ region: claims.region, roles: claims.roles })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.subject)
      .setIssuer(jwt.issuer)
      .setAudience(jwt.audience)
      .setIssuedAt()
      .setExpirationTime(expiresIn)
      .sign(keyOf(jwt.secret));
  } catch (error) {
    // jose refuses a malformed period ("12 parsecs") with a TypeError
    if (error instanceof TypeError) {
      throw new InvalidClaimsError(`bad expiry ${expiresIn}`, { expiresIn });
    }
    throw error;
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'expired';
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `claim ${error.claim} rejected`;
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'bad signature';
  return 'malformed';
}

/** Verifies a caller's JWT and reads its identity; anything else is InvalidTokenError. */
export async function verifyToken(
  token: string,
  jwt: JwtSettings,
  now: Date = new Date(),
): Promise<Identity> {
  let payload: Awaited<ReturnType<typeof jwtVerify>>['payload'];
  try {
    ({ payload } = await jwtVerify(token, keyOf(jwt.secret), {
      algorithms: ['HS256'],
      issuer: jwt.issuer,
      audience: jwt.audience,
      requiredClaims: ['sub', 'exp'],
      currentDate: now,
    }));
  } catch (error) {
    throw new InvalidTokenError(reasonOf(error), error);
  }
  const { sub, region } = payload;
  if (typeof sub !== 'string' || !sub) throw new InvalidTokenError('no subject');
  if (typeof region !== 'string' || !(await findRegion(region))) {
    throw new InvalidTokenError(`unknown region ${String(region)}`);
  }
  if (!isRoleList(payload.roles)) throw new InvalidTokenError('no known roles');
  return { subject: sub, region, roles: payload.roles };
}
