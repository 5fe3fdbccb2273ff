import { randomUUID } from 'node:crypto';
import { findRegion, getRegion, type Identity, type Role, roles } from '@huishang/schema';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeProtectedHeader,
  type JWTPayload,
  type JWTVerifyGetKey,
  errors as joseErrors,
  jwtVerify,
  SignJWT,
} from 'jose';
import type { TokenSettings } from './config.js';
import {
  InvalidClaimsError,
  InvalidConfigError,
  InvalidTokenError,
  TokenExpiredError,
  TokenRevokedError,
  WrongNodeTokenError,
} from './errors.js';
import { isRevoked, parseRevocations, type Revocations } from './revocations.js';
import {
  checkPublicKeySet,
  ensureDevelopmentKeys,
  type TokenIssuer,
  tokenAlgorithms,
} from './signing-keys.js';
import { type WatchedFile, watchFile } from './watched-file.js';

/** The audience naming one node: a token is accepted only at the nodes its `aud` lists. */
export const nodeAudience = (node: string): string => `huishang:${node}`;

/** Roles whose tokens can be revoked one by one, so they must carry a `jti`. */
const revocableRoles: readonly Role[] = ['staff', 'admin'];

/** Seconds of clock skew allowed between the issuer and the gateway. */
const clockToleranceSeconds = 30;

const isRoleList = (value: unknown): value is Role[] =>
  Array.isArray(value) && value.length > 0 && value.every((r) => roles.includes(r as Role));

export interface MintClaims {
  subject: string;
  region: string;
  roles: Role[];
  /** The nodes the token is for (its `aud`). @default [region] */
  nodes?: string[];
}

export interface MintOptions {
  /** Lifetime such as 30m or 12h. @default '1h' */
  expiresIn?: string;
  /** `iat`; tests back-date tokens with it. @default now */
  issuedAt?: Date;
  /** @default a random UUID */
  jti?: string;
}

/**
 * Signs a caller's token (development, tests; a province's identity provider mints the
 * same claims: sub, region, roles, aud naming nodes, iat, exp, jti, kid in the header).
 * The region, nodes and roles must be known, so a minted token is one a gateway accepts.
 */
export async function mintToken(
  claims: MintClaims,
  issuer: TokenIssuer,
  options: MintOptions = {},
): Promise<string> {
  if (!claims.subject.trim()) throw new InvalidClaimsError('empty subject');
  const nodes = claims.nodes ?? [claims.region];
  if (nodes.length === 0) throw new InvalidClaimsError('names no node');
  for (const code of [claims.region, ...nodes]) await getRegion(code);
  if (!isRoleList(claims.roles)) {
    throw new InvalidClaimsError(`roles must be some of ${roles.join(', ')}`, {
      roles: claims.roles,
    });
  }
  const expiresIn = options.expiresIn ?? '1h';
  try {
    return await new SignJWT({ region: claims.region, roles: claims.roles })
      .setProtectedHeader({ alg: issuer.alg, kid: issuer.kid, typ: 'JWT' })
      .setSubject(claims.subject)
      .setIssuer(issuer.issuer)
      .setAudience(nodes.map(nodeAudience))
      .setIssuedAt(options.issuedAt ?? new Date())
      .setExpirationTime(expiresIn)
      .setJti(options.jti ?? randomUUID())
      .sign(issuer.key);
  } catch (error) {
    // jose refuses a malformed period ("12 parsecs") with a TypeError
    if (error instanceof TypeError) {
      throw new InvalidClaimsError(`bad expiry ${expiresIn}`, { expiresIn });
    }
    throw error;
  }
}

/** What verification needs beyond the settings: the key set and the revocation list, loaded once. */
interface Verifier {
  keys: JWTVerifyGetKey;
  revocations: WatchedFile<Revocations> | undefined;
}

function keySetFromFile(path: string, variable: string): JWTVerifyGetKey {
  const file = watchFile(path, (text) =>
    createLocalJWKSet(checkPublicKeySet(JSON.parse(text), variable)),
  );
  return async (header, token) => {
    let keys: Awaited<ReturnType<typeof file.current>>;
    try {
      keys = await file.current();
    } catch (error) {
      if (error instanceof InvalidConfigError) throw error;
      throw new InvalidConfigError(variable, (error as Error).message);
    }
    return keys(header, token);
  };
}

async function createVerifier(settings: TokenSettings): Promise<Verifier> {
  const { keys } = settings;
  let getKey: JWTVerifyGetKey;
  if (keys.kind === 'set') {
    getKey = createLocalJWKSet(checkPublicKeySet(keys.set, 'keys'));
  } else if (keys.kind === 'url') {
    // jose refetches when a token names a kid it lacks (at most every 30 s): rotation
    const remote = createRemoteJWKSet(new URL(keys.url), { cooldownDuration: 30_000 });
    await remote.reload().catch((error: unknown) => {
      throw new InvalidConfigError('JWT_JWKS_URL', `cannot fetch: ${(error as Error).message}`);
    });
    getKey = remote;
  } else {
    const path = keys.kind === 'file' ? keys.path : (await ensureDevelopmentKeys()).jwks;
    getKey = keySetFromFile(path, 'JWT_JWKS_FILE');
  }
  const revocations =
    settings.revocationsFile === undefined
      ? undefined
      : watchFile(settings.revocationsFile, parseRevocations);
  return { keys: getKey, revocations };
}

const verifiers = new WeakMap<TokenSettings, Promise<Verifier>>();

function verifierOf(settings: TokenSettings): Promise<Verifier> {
  let verifier = verifiers.get(settings);
  if (!verifier) {
    verifier = createVerifier(settings);
    verifiers.set(settings, verifier);
  }
  return verifier;
}

/**
 * Loads the callers' keys and revocation list now, so a gateway with a missing, malformed
 * or secret-holding key set, or an unreadable list, fails at start rather than per request.
 */
export async function prepareTokenVerification(settings: TokenSettings): Promise<void> {
  const verifier = await verifierOf(settings).catch((error: unknown) => {
    verifiers.delete(settings);
    throw error;
  });
  if (settings.keys.kind === 'file' || settings.keys.kind === 'development') {
    // a probe header with no kid matches nothing: only the file's loading can throw here
    try {
      await verifier.keys({ alg: 'ES256', kid: '' }, { payload: '', signature: '' });
    } catch (error) {
      if (!(error instanceof joseErrors.JWKSNoMatchingKey)) throw error;
    }
  }
  await verifier.revocations?.current().catch((error: unknown) => {
    throw new InvalidConfigError('JWT_REVOCATIONS_FILE', (error as Error).message);
  });
}

/** jose's failure as the caller's refusal; names what failed, never echoes the token. */
function refusalOf(error: unknown, node: string): Error {
  if (error instanceof joseErrors.JWTExpired) {
    return new TokenExpiredError(
      error.claim === 'iat' ? 'issued too long ago (iat)' : 'past its exp',
      error,
    );
  }
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return new WrongNodeTokenError(node, error);
    return new InvalidTokenError(`claim ${error.claim} rejected`, error);
  }
  if (error instanceof joseErrors.JWKSNoMatchingKey) {
    return new InvalidTokenError('signed with a key this node does not know (kid)', error);
  }
  if (error instanceof joseErrors.JWKSMultipleMatchingKeys) {
    return new InvalidTokenError('its kid matches several keys', error);
  }
  if (error instanceof joseErrors.JOSEAlgNotAllowed) {
    return new InvalidTokenError(`algorithm not accepted (${tokenAlgorithms.join(', ')})`, error);
  }
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) {
    return new InvalidTokenError('bad signature', error);
  }
  if (error instanceof InvalidConfigError || error instanceof joseErrors.JWKSTimeout) {
    // the key set became unreadable: refuse, and keep which file out of the answer
    return new InvalidTokenError('the keys to check it cannot be read now', error);
  }
  return new InvalidTokenError('malformed', error);
}

/** The longest age any of `held` may reach. */
const ageLimitOf = (held: Role[], maxAge: TokenSettings['maxAge']) =>
  Math.min(...held.map((role) => maxAge[role]));

/**
 * Verifies a caller's JWT for `node` and reads its identity: an ES256/EdDSA signature by a
 * key of the callers' set (by `kid`), the configured issuer, `aud` naming the node, `exp`,
 * `iat` within its roles' maximum age, a `jti` on staff and admin tokens, and not revoked.
 * Every refusal is an UNAUTHENTICATED error.
 */
export async function verifyToken(
  token: string,
  node: string,
  settings: TokenSettings,
  now: Date = new Date(),
): Promise<Identity> {
  const verifier = await verifierOf(settings);
  let payload: JWTPayload;
  try {
    const { kid } = decodeProtectedHeader(token);
    if (typeof kid !== 'string' || !kid)
      throw new InvalidTokenError('no key id (kid) in its header');
    ({ payload } = await jwtVerify(token, verifier.keys, {
      algorithms: [...tokenAlgorithms],
      issuer: settings.issuer,
      audience: nodeAudience(node),
      requiredClaims: ['sub', 'exp', 'iat'],
      maxTokenAge: Math.max(...Object.values(settings.maxAge)),
      clockTolerance: clockToleranceSeconds,
      currentDate: now,
    }));
  } catch (error) {
    if (error instanceof InvalidTokenError) throw error;
    throw refusalOf(error, node);
  }
  const { sub, region, jti, iat } = payload as JWTPayload & { sub: string; iat: number };
  if (typeof sub !== 'string' || !sub) throw new InvalidTokenError('no subject');
  if (typeof region !== 'string' || !(await findRegion(region))) {
    throw new InvalidTokenError('unknown region');
  }
  if (!isRoleList(payload.roles)) throw new InvalidTokenError('no known roles');
  const held = payload.roles;
  const age = now.getTime() / 1000 - iat;
  if (age > ageLimitOf(held, settings.maxAge) + clockToleranceSeconds) {
    throw new TokenExpiredError(`older than its roles allow (${held.join(', ')})`);
  }
  const revocable = held.some((role) => revocableRoles.includes(role));
  if (revocable && (typeof jti !== 'string' || !jti)) {
    throw new InvalidTokenError('a staff or admin token needs a jti');
  }
  if (verifier.revocations) {
    let list: Revocations | undefined;
    try {
      list = await verifier.revocations.current();
    } catch (error) {
      // fail closed for the tokens that must be revocable; others read on
      if (revocable) throw new InvalidTokenError('its revocation cannot be checked now', error);
    }
    if (list && isRevoked(list, { jti: typeof jti === 'string' ? jti : undefined, sub, iat })) {
      throw new TokenRevokedError();
    }
  }
  return { subject: sub, region, roles: held };
}
