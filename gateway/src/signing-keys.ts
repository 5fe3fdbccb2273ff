import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type CryptoKey,
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JSONWebKeySet,
  type JWK,
} from 'jose';
import { InvalidConfigError } from './errors.js';

/** The signature algorithms callers' tokens may use: asymmetric only, so a verifier cannot mint. */
export const tokenAlgorithms = ['ES256', 'EdDSA'] as const;
export type TokenAlgorithm = (typeof tokenAlgorithms)[number];

/** What mints callers' tokens: the province's identity provider, or a development or test key. */
export interface TokenIssuer {
  /** `iss` of the tokens it mints. */
  issuer: string;
  /** The key id published in the JWKS beside its public half. */
  kid: string;
  alg: TokenAlgorithm;
  key: CryptoKey;
}

export interface SigningKeyPair {
  /** Private JWK with `kid` and `alg`: stays with whoever mints. */
  privateJwk: JWK;
  /** The same key's public half, to publish in the callers' JWKS. */
  publicJwk: JWK;
}

const isTokenAlgorithm = (alg: unknown): alg is TokenAlgorithm =>
  tokenAlgorithms.includes(alg as TokenAlgorithm);

/** A new key pair whose `kid` is its RFC 7638 thumbprint, so two keys never share an id. */
export async function generateSigningKey(alg: TokenAlgorithm = 'ES256'): Promise<SigningKeyPair> {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  const meta = { kid, alg, use: 'sig' };
  return {
    privateJwk: { ...(await exportJWK(privateKey)), ...meta },
    publicJwk: { ...publicJwk, ...meta },
  };
}

/** An issuer over a private JWK (with `kid` and `alg`, as `generateSigningKey` writes it). */
export async function createTokenIssuer(privateJwk: JWK, issuer: string): Promise<TokenIssuer> {
  const { kid, alg } = privateJwk;
  if (!kid || !isTokenAlgorithm(alg) || !privateJwk.d) {
    throw new InvalidConfigError(
      'signing key',
      `must be a private ${tokenAlgorithms.join(' or ')} JWK with kid and alg`,
    );
  }
  return { issuer, kid, alg, key: (await importJWK(privateJwk, alg)) as CryptoKey };
}

/** The issuer whose private JWK is in `file`. */
export async function readTokenIssuer(file: string, issuer: string): Promise<TokenIssuer> {
  let jwk: JWK;
  try {
    jwk = JSON.parse(await readFile(file, 'utf8')) as JWK;
  } catch (error) {
    throw new InvalidConfigError(
      'JWT_SIGNING_KEY_FILE',
      `cannot read ${file}: ${(error as Error).message}`,
    );
  }
  return createTokenIssuer(jwk, issuer);
}

/**
 * Checks a callers' key set holds only public ES256/EdDSA keys, each with a `kid`: a
 * symmetric or private key here would let the gateway mint.
 */
export function checkPublicKeySet(value: unknown, source: string): JSONWebKeySet {
  const keys = (value as JSONWebKeySet | null)?.keys;
  if (!Array.isArray(keys) || keys.length === 0) {
    throw new InvalidConfigError(source, 'not a JWKS with at least one key');
  }
  for (const key of keys) {
    if (key.kty === 'oct' || 'd' in key) {
      throw new InvalidConfigError(
        source,
        'holds a secret or private key; publish public keys only',
      );
    }
    const curveOk =
      (key.kty === 'EC' && key.crv === 'P-256') || (key.kty === 'OKP' && key.crv === 'Ed25519');
    if (!curveOk || !key.kid || (key.alg !== undefined && !isTokenAlgorithm(key.alg))) {
      throw new InvalidConfigError(
        source,
        `key ${key.kid ?? '(no kid)'} is not an ES256 (P-256) or EdDSA (Ed25519) key with a kid`,
      );
    }
  }
  return { keys };
}

/** The development issuer's `iss`. */
export const developmentIssuer = 'huishang-development';

/**
 * The development key pair, in the git-ignored `.demo-data/dev-keys/` at the repository's
 * root: generated on first use, then shared by the demo's gateway and `npm run token`.
 */
export const developmentKeysDir = fileURLToPath(
  new URL('../../.demo-data/dev-keys/', import.meta.url),
);
export const developmentKeyFiles = {
  privateJwk: join(developmentKeysDir, 'signing-key.jwk.json'),
  jwks: join(developmentKeysDir, 'callers.jwks.json'),
};

/** Creates the development key pair unless it exists; racing first uses agree on one pair. */
export async function ensureDevelopmentKeys(): Promise<typeof developmentKeyFiles> {
  try {
    await readFile(developmentKeyFiles.jwks);
    return developmentKeyFiles;
  } catch {
    // first use: fall through and create it
  }
  await mkdir(dirname(developmentKeysDir), { recursive: true });
  const staging = await mkdtemp(join(dirname(developmentKeysDir), 'dev-keys-'));
  const { privateJwk, publicJwk } = await generateSigningKey();
  await writeFile(join(staging, 'signing-key.jwk.json'), JSON.stringify(privateJwk), {
    mode: 0o600,
  });
  await writeFile(join(staging, 'callers.jwks.json'), JSON.stringify({ keys: [publicJwk] }));
  // One rename makes both files appear at once; if another process won, keep its pair.
  await rename(staging, developmentKeysDir).catch(() => rm(staging, { recursive: true }));
  return developmentKeyFiles;
}

/** The development issuer (HUISHANG_DEV=1 only; its key is no secret). */
export async function developmentTokenIssuer(issuer = developmentIssuer): Promise<TokenIssuer> {
  const files = await ensureDevelopmentKeys();
  return readTokenIssuer(files.privateJwk, issuer);
}
