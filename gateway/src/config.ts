import {
  getCommitteeRegion,
  HuishangError,
  isDevelopment,
  type Role,
  readSecret,
  roles,
  type SubgraphName,
  subgraphNames,
  supergraphPath,
} from '@huishang/schema';
import type { JSONWebKeySet } from 'jose';
import { InvalidConfigError } from './errors.js';
import { type GatewayLimits, loadLimits } from './limits.js';
import { developmentIssuer } from './signing-keys.js';

/**
 * Where the callers' public keys come from: a JWKS file (re-read when it changes), a JWKS
 * URL (fetched again when a token names a key it lacks), a set given in code (tests), or
 * the development pair (HUISHANG_DEV=1 only).
 */
export type CallerKeys =
  | { kind: 'file'; path: string }
  | { kind: 'url'; url: string }
  | { kind: 'set'; set: JSONWebKeySet }
  | { kind: 'development' };

/** How callers' tokens are verified: with published keys, never a secret the gateway could mint with. */
export interface TokenSettings {
  keys: CallerKeys;
  /** Required `iss`: the province's identity provider. */
  issuer: string;
  /**
   * Longest age from `iat` accepted, in seconds, by role, whatever `exp` says; a token's
   * limit is its roles' shortest. @default staff 12 h, admin 1 h, other roles 24 h
   */
  maxAge: Record<Role, number>;
  /**
   * Revocation list file (see revocations.ts), re-read when it changes; required outside
   * development. Staff and admin tokens must carry a `jti`.
   */
  revocationsFile?: string;
}

export interface GatewayConfig {
  /** @default '127.0.0.1' */
  host: string;
  /** @default 4000 */
  port: number;
  /** Supergraph SDL file. @default the checked-in one (`supergraphPath` of @huishang/schema) */
  supergraphPath: string;
  /** Overrides of subgraph URLs found in the supergraph, by subgraph name. */
  subgraphUrls: Partial<Record<SubgraphName, string>>;
  /** Regions (nodes) this gateway serves: each at /<code>/graphql; with exactly one, also at /graphql. */
  nodes: string[];
  /** Verification of callers' JWTs; each node accepts only tokens whose `aud` names it (`huishang:<code>`). */
  jwt: TokenSettings;
  /** Shared with the subgraphs, used to sign forwarded identities. */
  internalSecret: string;
  /**
   * When true, a request without a token reads as
   * `{ subject: 'anonymous', region: <node>, roles: ['public'] }`; writes always need a token.
   * @default false
   */
  anonymousRead: boolean;
  /** Cost budgets, deadline, sizes, rate limits and exposure (see limits.ts). */
  limits: GatewayLimits;
}

/** Equals the subgraph kit's, so a development node (HUISHANG_DEV=1) needs no secrets configured. */
export const developmentInternalSecret = 'huishang-development-internal-secret';

/** @see TokenSettings.maxAge */
export const defaultMaxAge: Readonly<Record<Role, number>> = {
  public: 86_400,
  reader: 86_400,
  member: 86_400,
  unit: 86_400,
  staff: 12 * 3600,
  admin: 3600,
};

/** The variable that overrides one subgraph's URL, e.g. SUBGRAPH_URL_JOINT_SESSIONS. */
export const subgraphUrlVariable = (name: SubgraphName): string =>
  `SUBGRAPH_URL_${name.toUpperCase().replaceAll('-', '_')}`;

const periodUnits: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** A period such as 90s, 30m, 12h or 7d, in seconds; undefined when malformed. */
export function parsePeriod(text: string): number | undefined {
  const match = /^(\d+)([smhd])$/.exec(text.trim());
  if (!match) return undefined;
  const seconds = Number(match[1]) * (periodUnits[match[2] as string] as number);
  return seconds > 0 ? seconds : undefined;
}

/** JWT_MAX_AGE: `role=period` pairs over the defaults, e.g. `staff=8h,admin=30m`. */
function maxAgeFrom(value: string | undefined): Record<Role, number> {
  const maxAge = { ...defaultMaxAge };
  for (const pair of (value ?? '').split(',').filter((p) => p.trim())) {
    const [role, period = ''] = pair.split('=').map((part) => part.trim());
    const seconds = parsePeriod(period);
    if (!roles.includes(role as Role) || seconds === undefined) {
      throw new InvalidConfigError('JWT_MAX_AGE', `not role=period (e.g. admin=1h): ${pair}`);
    }
    maxAge[role as Role] = seconds;
  }
  return maxAge;
}

function callerKeysFrom(env: NodeJS.ProcessEnv, development: boolean): CallerKeys {
  const { JWT_JWKS_FILE: path, JWT_JWKS_URL: url } = env;
  if (path && url) throw new InvalidConfigError('JWT_JWKS_FILE', 'set either it or JWT_JWKS_URL');
  if (path) return { kind: 'file', path };
  if (url) {
    // plain http only to this machine: anyone on the path could swap the keys
    const parsed = URL.canParse(url) ? new URL(url) : undefined;
    const local =
      parsed?.protocol === 'http:' && ['127.0.0.1', 'localhost'].includes(parsed.hostname);
    if (parsed?.protocol !== 'https:' && !local && !development) {
      throw new InvalidConfigError('JWT_JWKS_URL', `not an https URL: ${url}`);
    }
    return { kind: 'url', url };
  }
  if (development) return { kind: 'development' };
  throw new InvalidConfigError(
    'JWT_JWKS_FILE',
    "required (or JWT_JWKS_URL): the callers' public keys",
  );
}

/** JWT_ISSUER; in development the development issuer when unset. */
function issuerFrom(env: NodeJS.ProcessEnv, development: boolean, what: string): string {
  const issuer = env.JWT_ISSUER ?? (development ? developmentIssuer : undefined);
  if (!issuer) throw new InvalidConfigError('JWT_ISSUER', `required: ${what}`);
  return issuer;
}

/** Callers' token settings: JWT_JWKS_FILE or JWT_JWKS_URL, JWT_ISSUER, JWT_MAX_AGE, JWT_REVOCATIONS_FILE. */
function tokenSettingsFrom(env: NodeJS.ProcessEnv): TokenSettings {
  // A shared HS256 secret would let every gateway mint; say so rather than ignore it.
  for (const retired of ['JWT_SECRET', 'JWT_AUDIENCE']) {
    if (env[retired]) {
      throw new InvalidConfigError(
        retired,
        "no longer read: callers' tokens are verified with JWT_JWKS_FILE or JWT_JWKS_URL, for the audience huishang:<node>",
      );
    }
  }
  const development = isDevelopment(env);
  const issuer = issuerFrom(env, development, "the province's token issuer");
  const revocationsFile = env.JWT_REVOCATIONS_FILE;
  if (!revocationsFile && !development) {
    throw new InvalidConfigError('JWT_REVOCATIONS_FILE', "required: the callers' revocation list");
  }
  return {
    keys: callerKeysFrom(env, development),
    issuer,
    maxAge: maxAgeFrom(env.JWT_MAX_AGE),
    ...(revocationsFile && { revocationsFile }),
  };
}

function portFrom(value: string | undefined): number {
  const port = Number(value ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidConfigError('PORT', `not a port number: ${value}`);
  }
  return port;
}

function nodesFrom(value: string): string[] {
  const nodes = value
    .split(',')
    .map((code) => code.trim())
    .filter(Boolean);
  if (nodes.length === 0) throw new InvalidConfigError('HUISHANG_NODES', 'names no region');
  for (const node of nodes) {
    try {
      getCommitteeRegion(node);
    } catch (error) {
      if (!(error instanceof HuishangError)) throw error;
      throw new InvalidConfigError('HUISHANG_NODES', `${node} is not a province, city or county`);
    }
  }
  return nodes;
}

function subgraphUrlsFrom(env: NodeJS.ProcessEnv): GatewayConfig['subgraphUrls'] {
  const urls: GatewayConfig['subgraphUrls'] = {};
  for (const name of subgraphNames) {
    const variable = subgraphUrlVariable(name);
    const value = env[variable];
    if (!value) continue;
    if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) {
      throw new InvalidConfigError(variable, `not an http(s) URL: ${value}`);
    }
    urls[name] = value;
  }
  return urls;
}

/**
 * Reads the gateway's config from the environment: HUISHANG_NODES (comma list; else
 * HUISHANG_REGIONS, as the subgraphs read it; else 330000), PORT, HOST, SUPERGRAPH_PATH,
 * SUBGRAPH_URL_MEMBERS (…_PROPOSALS, …_CONSULTATIONS, …_JOINT_SESSIONS), the callers'
 * token settings (JWT_JWKS_FILE or JWT_JWKS_URL, JWT_ISSUER, JWT_REVOCATIONS_FILE,
 * JWT_MAX_AGE), HUISHANG_INTERNAL_SECRET, HUISHANG_ANONYMOUS_READ=1. Outside development
 * (HUISHANG_DEV=1) the keys, issuer, revocation list and a fit internal secret are required.
 */
export function loadGatewayConfig(env: NodeJS.ProcessEnv): GatewayConfig {
  return {
    host: env.HOST ?? '127.0.0.1',
    port: portFrom(env.PORT),
    supergraphPath: env.SUPERGRAPH_PATH ?? supergraphPath,
    subgraphUrls: subgraphUrlsFrom(env),
    nodes: nodesFrom(env.HUISHANG_NODES ?? env.HUISHANG_REGIONS ?? '330000'),
    jwt: tokenSettingsFrom(env),
    // SCHEMA_INSECURE_SECRET unless set, fit, or a development node
    internalSecret: readSecret(env, 'HUISHANG_INTERNAL_SECRET', developmentInternalSecret),
    anonymousRead: ['1', 'true'].includes(env.HUISHANG_ANONYMOUS_READ ?? ''),
    limits: loadLimits(env),
  };
}

/** What the development minting command signs with. */
export interface MintConfig {
  issuer: string;
  /** A private JWK file, or the development pair (HUISHANG_DEV=1 only). */
  signingKey: { kind: 'file'; path: string } | { kind: 'development' };
}

/** Reads JWT_SIGNING_KEY_FILE and JWT_ISSUER for the minting command; both required outside development. */
export function loadMintConfig(env: NodeJS.ProcessEnv): MintConfig {
  const development = isDevelopment(env);
  const issuer = issuerFrom(env, development, 'the issuer to mint as');
  const path = env.JWT_SIGNING_KEY_FILE;
  if (!path && !development) {
    throw new InvalidConfigError('JWT_SIGNING_KEY_FILE', 'required: the private key to sign with');
  }
  return { issuer, signingKey: path ? { kind: 'file', path } : { kind: 'development' } };
}
