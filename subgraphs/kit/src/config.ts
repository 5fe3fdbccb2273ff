import { readFileSync } from 'node:fs';
import { readSecret } from '@huishang/schema';
import { InvalidConfigError } from './errors.js';

/** One region per process (production) or many, one database schema each (demo, scale tests). */
export type Hosting = { mode: 'single'; region: string } | { mode: 'multi'; regions: string[] };

export interface SubgraphConfig {
  /** @default '127.0.0.1' */
  host: string;
  port: number;
  /** @default 'postgres://postgres@127.0.0.1:5432/huishang' */
  databaseUrl: string;
  /** Shared with the node's gateway, which signs forwarded identities with it. */
  internalSecret: string;
  hosting: Hosting;
  /** Connections in the process's one pool, shared by every hosted region. @default 10 */
  poolSize: number;
  /** The NATS bus; absent, the node runs alone: its outbox fills, nothing is relayed or replicated. */
  bus?: BusConfig;
  /** How long a mutation that sends a command waits for the owner's answer. @default 3000 */
  commandWaitMs?: number;
  /**
   * How often the node's reminder scheduler sweeps each hosted region (催办 of records that
   * turned yellow or red); absent or 0, no scheduler runs. HUISHANG_REMINDER_SWEEP_MS.
   * @default 60000 (from the environment; absent from a config built in code)
   */
  reminderSweepMs?: number;
}

/**
 * How one NATS user proves who it is: a password (development; a bcrypt hash on the
 * server), or the seed of its nkey (production: the server holds only the public key).
 */
export type BusCredentials = { user: string; pass: string } | { nkeySeed: string };

export interface BusConfig {
  /** NATS server URLs, comma-separated. */
  servers: string;
  /** One user for every hosted region (NATS_USER / NATS_PASSWORD). */
  user?: string;
  pass?: string;
  /** Or the seed of the node user's nkey, read from NATS_NKEY_SEED_FILE; overrides `user` and `pass`. */
  nkeySeed?: string;
  /**
   * Each hosted region's own user, for a process hosting many regions (demo, tests): a
   * node's user may publish only under its region and belongs to its province's account,
   * so the bus opens one connection per distinct user. Overrides `user` and `pass`.
   */
  credentials?: (region: string) => BusCredentials;
  /**
   * Whether the node creates or updates its province's streams at start-up. Where each
   * province is an account, infra provisions them with the account's admin and nodes may
   * not. @default true (false when NODE_ENV=production)
   */
  provisionStreams?: boolean;
  /**
   * How often each durable consumer is checked on the server (missing: made again;
   * misconfigured or stalled: alarmed). NATS_CONSUMER_CHECK_MS. @default 15000
   */
  consumerCheckMs?: number;
}

/** The internal secret of a development node (HUISHANG_DEV=1) and of in-process tests; refused anywhere else. */
export const developmentInternalSecret = 'huishang-development-internal-secret';
export const defaultCommandWaitMs = 3_000;
export const defaultReminderSweepMs = 60_000;
export const defaultDatabaseUrl = 'postgres://postgres@127.0.0.1:5432/huishang';

export const hostedRegions = (hosting: Hosting): string[] =>
  hosting.mode === 'single' ? [hosting.region] : hosting.regions;

/**
 * Reads a subgraph's config from the environment:
 * HUISHANG_REGIONS (one code, or several comma-separated), PORT, HOST, DATABASE_URL,
 * HUISHANG_INTERNAL_SECRET (required, 32 bytes or more and no published placeholder, unless
 * HUISHANG_DEV=1; see `readSecret` of @huishang/schema), PG_POOL_SIZE; the bus from
 * NATS_URL (unset: no bus), NATS_USER and NATS_PASSWORD or NATS_NKEY_SEED_FILE,
 * NATS_PROVISION_STREAMS (`true` or `false`; by default true except in production),
 * NATS_CONSUMER_CHECK_MS; HUISHANG_COMMAND_WAIT_MS (milliseconds a
 * command's mutation waits for the owner's answer, 0 to 3000); HUISHANG_REMINDER_SWEEP_MS
 * (milliseconds between reminder sweeps, 1000 or more, or 0 for none; 60000 by default).
 */
export function readSubgraphConfig(
  env: NodeJS.ProcessEnv,
  defaults: { port: number },
): SubgraphConfig {
  const regions = (env.HUISHANG_REGIONS ?? '330000')
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  return {
    host: env.HOST ?? '127.0.0.1',
    port: Number(env.PORT ?? defaults.port),
    databaseUrl: env.DATABASE_URL ?? defaultDatabaseUrl,
    internalSecret: readSecret(env, 'HUISHANG_INTERNAL_SECRET', developmentInternalSecret),
    hosting:
      regions.length === 1
        ? { mode: 'single', region: regions[0] as string }
        : { mode: 'multi', regions },
    poolSize: Number(env.PG_POOL_SIZE ?? 10),
    ...(env.NATS_URL && { bus: readBusConfig(env, env.NATS_URL) }),
    ...(env.HUISHANG_COMMAND_WAIT_MS && {
      commandWaitMs: readWaitMs(env.HUISHANG_COMMAND_WAIT_MS),
    }),
    reminderSweepMs: readSweepMs(env.HUISHANG_REMINDER_SWEEP_MS),
  };
}

function readSweepMs(text: string | undefined): number {
  if (text === undefined || text === '') return defaultReminderSweepMs;
  const ms = Number(text);
  if (!Number.isInteger(ms) || (ms !== 0 && ms < 1_000))
    throw new InvalidConfigError(
      'HUISHANG_REMINDER_SWEEP_MS',
      `must be 0 or 1000 or more, not ${text}`,
    );
  return ms;
}

function readWaitMs(text: string): number {
  const ms = Number(text);
  if (!Number.isInteger(ms) || ms < 0 || ms > defaultCommandWaitMs)
    throw new InvalidConfigError(
      'HUISHANG_COMMAND_WAIT_MS',
      `must be 0 to ${defaultCommandWaitMs}, not ${text}`,
    );
  return ms;
}

/** An nkey seed file (`SU…`, as `nk -gen user` or infra's `createNodeKey` writes it). */
function readSeed(path: string): string {
  const seed = readFileSync(path, 'utf8').trim();
  if (!/^SU[A-Z2-7]{56}$/.test(seed))
    throw new InvalidConfigError('NATS_NKEY_SEED_FILE', `${path} holds no user nkey seed`);
  return seed;
}

function positiveMs(variable: string, text: string): number {
  const ms = Number(text);
  if (!Number.isInteger(ms) || ms < 100)
    throw new InvalidConfigError(variable, `must be 100 or more, not ${text}`);
  return ms;
}

function readBusConfig(env: NodeJS.ProcessEnv, servers: string): BusConfig {
  const provision = env.NATS_PROVISION_STREAMS;
  if (provision !== undefined && provision !== 'true' && provision !== 'false') {
    throw new InvalidConfigError(
      'NATS_PROVISION_STREAMS',
      `must be true or false, not ${provision}`,
    );
  }
  return {
    servers,
    ...(env.NATS_USER && { user: env.NATS_USER }),
    ...(env.NATS_PASSWORD && { pass: env.NATS_PASSWORD }),
    ...(env.NATS_NKEY_SEED_FILE && { nkeySeed: readSeed(env.NATS_NKEY_SEED_FILE) }),
    provisionStreams: provision ? provision === 'true' : env.NODE_ENV !== 'production',
    ...(env.NATS_CONSUMER_CHECK_MS && {
      consumerCheckMs: positiveMs('NATS_CONSUMER_CHECK_MS', env.NATS_CONSUMER_CHECK_MS),
    }),
  };
}
