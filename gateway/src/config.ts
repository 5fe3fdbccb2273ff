import {
  getCommitteeRegion,
  HuishangError,
  type SubgraphName,
  subgraphNames,
  supergraphPath,
} from '@huishang/schema';
import { InvalidConfigError } from './errors.js';

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
  /** Verification of callers' JWTs (HS256 shared secret, for now). */
  jwt: { secret: string; issuer: string; audience: string };
  /** Shared with the subgraphs, used to sign forwarded identities. */
  internalSecret: string;
  /**
   * When true, a request without a token reads as
   * `{ subject: 'anonymous', region: <node>, roles: ['public'] }`; writes always need a token.
   * @default false
   */
  anonymousRead: boolean;
}

/** Equals the subgraph kit's, so a development node needs no secrets configured. */
export const developmentInternalSecret = 'huishang-development-internal-secret';
export const developmentJwtSecret = 'huishang-development-jwt-secret';

/** The variable that overrides one subgraph's URL, e.g. SUBGRAPH_URL_JOINT_SESSIONS. */
export const subgraphUrlVariable = (name: SubgraphName): string =>
  `SUBGRAPH_URL_${name.toUpperCase().replaceAll('-', '_')}`;

function secretFrom(env: NodeJS.ProcessEnv, variable: string, fallback: string): string {
  const value = env[variable];
  if (value) return value;
  if (env.NODE_ENV === 'production')
    throw new InvalidConfigError(variable, 'required in production');
  return fallback;
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
 * SUBGRAPH_URL_MEMBERS (…_PROPOSALS, …_CONSULTATIONS, …_JOINT_SESSIONS), JWT_SECRET and
 * HUISHANG_INTERNAL_SECRET (both required when NODE_ENV=production), JWT_ISSUER,
 * JWT_AUDIENCE, HUISHANG_ANONYMOUS_READ=1.
 */
export function loadGatewayConfig(env: NodeJS.ProcessEnv): GatewayConfig {
  return {
    host: env.HOST ?? '127.0.0.1',
    port: portFrom(env.PORT),
    supergraphPath: env.SUPERGRAPH_PATH ?? supergraphPath,
    subgraphUrls: subgraphUrlsFrom(env),
    nodes: nodesFrom(env.HUISHANG_NODES ?? env.HUISHANG_REGIONS ?? '330000'),
    jwt: {
      secret: secretFrom(env, 'JWT_SECRET', developmentJwtSecret),
      issuer: env.JWT_ISSUER ?? 'huishang',
      audience: env.JWT_AUDIENCE ?? 'huishang',
    },
    internalSecret: secretFrom(env, 'HUISHANG_INTERNAL_SECRET', developmentInternalSecret),
    anonymousRead: ['1', 'true'].includes(env.HUISHANG_ANONYMOUS_READ ?? ''),
  };
}
