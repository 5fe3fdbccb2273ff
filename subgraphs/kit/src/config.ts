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
}

export const developmentInternalSecret = 'huishang-development-internal-secret';
export const defaultDatabaseUrl = 'postgres://postgres@127.0.0.1:5432/huishang';

export const hostedRegions = (hosting: Hosting): string[] =>
  hosting.mode === 'single' ? [hosting.region] : hosting.regions;

/**
 * Reads a subgraph's config from the environment:
 * HUISHANG_REGIONS (one code, or several comma-separated), PORT, HOST, DATABASE_URL,
 * HUISHANG_INTERNAL_SECRET (required when NODE_ENV=production), PG_POOL_SIZE.
 */
export function readSubgraphConfig(
  env: NodeJS.ProcessEnv,
  defaults: { port: number },
): SubgraphConfig {
  const regions = (env.HUISHANG_REGIONS ?? '330000')
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  const secret = env.HUISHANG_INTERNAL_SECRET;
  if (!secret && env.NODE_ENV === 'production') {
    throw new Error('HUISHANG_INTERNAL_SECRET must be set in production');
  }
  return {
    host: env.HOST ?? '127.0.0.1',
    port: Number(env.PORT ?? defaults.port),
    databaseUrl: env.DATABASE_URL ?? defaultDatabaseUrl,
    internalSecret: secret ?? developmentInternalSecret,
    hosting:
      regions.length === 1
        ? { mode: 'single', region: regions[0] as string }
        : { mode: 'multi', regions },
    poolSize: Number(env.PG_POOL_SIZE ?? 10),
  };
}
