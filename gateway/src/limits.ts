import { isDevelopment } from '@huishang/schema';
import { InvalidConfigError } from './errors.js';

/** What one operation may ask for, checked on its document before any planning. */
export interface CostBudget {
  /** Nesting of fields (fragments flattened). */
  depth: number;
  /** Aliased fields in the operation. */
  aliases: number;
  /** Lexical tokens of the whole document. */
  tokens: number;
  /** Directives in the operation. */
  directives: number;
  /** Estimated objects and values returned: each list multiplies by its `first` (else 20). */
  nodes: number;
}

/** One rate limit: at most `max` requests in `windowMs`. */
export interface RateLimit {
  max: number;
  windowMs: number;
}

/** Off, on for every caller, or on only for callers with a staff or admin token. */
export type Exposure = 'off' | 'staff' | 'on';

export interface GatewayLimits {
  /** Callers without a token. @default depth 8, aliases 20, tokens 2000, directives 10, nodes 2000 */
  anonymous: CostBudget;
  /** Callers with a token. @default depth 12, aliases 1000, tokens 50000, directives 50, nodes 50000 */
  signedIn: CostBudget;
  /** After this the subgraph fetches of a request are aborted. @default 10000 */
  deadlineMs: number;
  /** The same for an admin's request: a committee's history is imported in large batches. @default 120000 */
  adminDeadlineMs: number;
  /** Largest request body, in bytes. @default 1 MiB */
  bodyBytes: number;
  /** Largest answer (and largest subgraph answer), in bytes. @default 8 MiB */
  responseBytes: number;
  /** Longest `operationName`; longer ones are refused, never echoed. @default 100 */
  operationNameChars: number;
  /** Requests from one address without a token, and its refused tokens. @default 600 a minute */
  perAddress: RateLimit;
  /** Every GraphQL request with one token's subject at one node. @default 6000 a minute */
  perToken: RateLimit;
  /** Anonymous (public) writes from one address: each waits for moderation. @default 5 an hour */
  anonymousWrites: RateLimit;
  /** Anonymous writes at one node, from all addresses: what moderation can face. @default 200 an hour */
  anonymousWritesPerNode: RateLimit;
  /** `__schema`/`__type`. @default 'on' in development (HUISHANG_DEV=1), else 'off' */
  introspection: Exposure;
  /** The GraphiQL pages. @default on in development, else off */
  graphiql: boolean;
  /** Subgraph names and URLs in `/ready`. @default 'on' in development, else 'off' */
  readyDetails: Exposure;
  /**
   * Reverse proxies whose `X-Forwarded-For` names the caller's address (addresses or CIDRs;
   * Fastify's `trustProxy`): behind one, every caller would otherwise share its address for
   * the per-address limits and the pending-moderation cap. @default none
   */
  trustedProxies: string[];
}

const minute = 60_000;

export const defaultLimits: GatewayLimits = {
  anonymous: { depth: 8, aliases: 20, tokens: 2000, directives: 10, nodes: 2000 },
  signedIn: { depth: 12, aliases: 1000, tokens: 50_000, directives: 50, nodes: 50_000 },
  deadlineMs: 10_000,
  adminDeadlineMs: 120_000,
  bodyBytes: 1024 * 1024,
  responseBytes: 8 * 1024 * 1024,
  operationNameChars: 100,
  perAddress: { max: 600, windowMs: minute },
  perToken: { max: 6000, windowMs: minute },
  anonymousWrites: { max: 5, windowMs: 60 * minute },
  anonymousWritesPerNode: { max: 200, windowMs: 60 * minute },
  introspection: 'off',
  graphiql: false,
  readyDetails: 'off',
  trustedProxies: [],
};

function positive(env: NodeJS.ProcessEnv, variable: string, fallback: number): number {
  const value = env[variable];
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1)
    throw new InvalidConfigError(variable, `not a positive integer: ${value.slice(0, 40)}`);
  return number;
}

const units: Record<string, number> = { s: 1000, m: minute, h: 60 * minute };

/** `<max>/<window>` such as `5/1h`, `600/1m`, `10/30s`. */
function rateFrom(env: NodeJS.ProcessEnv, variable: string, fallback: RateLimit): RateLimit {
  const value = env[variable];
  if (value === undefined || value === '') return fallback;
  const match = /^(\d+)\/(\d+)([smh])$/.exec(value.trim());
  const [max, count, unit] = [Number(match?.[1]), Number(match?.[2]), match?.[3] ?? ''];
  if (!match || max < 1 || count < 1)
    throw new InvalidConfigError(variable, `not <max>/<n><s|m|h>: ${value.slice(0, 40)}`);
  return { max, windowMs: count * (units[unit] ?? minute) };
}

function exposureFrom(env: NodeJS.ProcessEnv, variable: string, fallback: Exposure): Exposure {
  const value = env[variable];
  if (value === undefined || value === '') return fallback;
  if (value === 'off' || value === 'staff' || value === 'on') return value;
  throw new InvalidConfigError(variable, `not off, staff or on: ${value.slice(0, 40)}`);
}

function budgetFrom(env: NodeJS.ProcessEnv, prefix: string, fallback: CostBudget): CostBudget {
  return {
    depth: positive(env, `${prefix}_DEPTH`, fallback.depth),
    aliases: positive(env, `${prefix}_ALIASES`, fallback.aliases),
    tokens: positive(env, `${prefix}_TOKENS`, fallback.tokens),
    directives: positive(env, `${prefix}_DIRECTIVES`, fallback.directives),
    nodes: positive(env, `${prefix}_NODES`, fallback.nodes),
  };
}

/**
 * The gateway's limits from the environment: HUISHANG_ANONYMOUS_{DEPTH,ALIASES,TOKENS,
 * DIRECTIVES,NODES} and HUISHANG_SIGNED_IN_… for the cost budgets; HUISHANG_DEADLINE_MS,
 * HUISHANG_ADMIN_DEADLINE_MS,
 * HUISHANG_BODY_BYTES, HUISHANG_RESPONSE_BYTES; HUISHANG_RATE_PER_ADDRESS,
 * HUISHANG_RATE_PER_TOKEN, HUISHANG_RATE_ANONYMOUS_WRITES(_PER_NODE) as `<max>/<n><s|m|h>`;
 * HUISHANG_INTROSPECTION and HUISHANG_READY_DETAILS (off, staff, on), HUISHANG_GRAPHIQL
 * (0/1); HUISHANG_TRUSTED_PROXIES (comma list of addresses or CIDRs). What a caller may see of the schema and the topology is on by default only with
 * the development switch (HUISHANG_DEV=1, as the demo runs), off everywhere else.
 */
export function loadLimits(env: NodeJS.ProcessEnv): GatewayLimits {
  const development = isDevelopment(env);
  const open = development ? 'on' : 'off';
  const graphiql = env.HUISHANG_GRAPHIQL;
  return {
    anonymous: budgetFrom(env, 'HUISHANG_ANONYMOUS', defaultLimits.anonymous),
    signedIn: budgetFrom(env, 'HUISHANG_SIGNED_IN', defaultLimits.signedIn),
    deadlineMs: positive(env, 'HUISHANG_DEADLINE_MS', defaultLimits.deadlineMs),
    adminDeadlineMs: positive(env, 'HUISHANG_ADMIN_DEADLINE_MS', defaultLimits.adminDeadlineMs),
    bodyBytes: positive(env, 'HUISHANG_BODY_BYTES', defaultLimits.bodyBytes),
    responseBytes: positive(env, 'HUISHANG_RESPONSE_BYTES', defaultLimits.responseBytes),
    operationNameChars: defaultLimits.operationNameChars,
    perAddress: rateFrom(env, 'HUISHANG_RATE_PER_ADDRESS', defaultLimits.perAddress),
    perToken: rateFrom(env, 'HUISHANG_RATE_PER_TOKEN', defaultLimits.perToken),
    anonymousWrites: rateFrom(env, 'HUISHANG_RATE_ANONYMOUS_WRITES', defaultLimits.anonymousWrites),
    anonymousWritesPerNode: rateFrom(
      env,
      'HUISHANG_RATE_ANONYMOUS_WRITES_PER_NODE',
      defaultLimits.anonymousWritesPerNode,
    ),
    introspection: exposureFrom(env, 'HUISHANG_INTROSPECTION', open),
    graphiql: graphiql ? ['1', 'true', 'on'].includes(graphiql) : development,
    readyDetails: exposureFrom(env, 'HUISHANG_READY_DETAILS', open),
    trustedProxies: (env.HUISHANG_TRUSTED_PROXIES ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean),
  };
}
