import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { connect as tcpConnect } from 'node:net';
import { join } from 'node:path';
import {
  freePort,
  type NatsServer,
  natsServerBinary,
  spawnTiedToProcess,
  startNatsServer,
  waitUntil,
} from '@huishang/subgraph-kit/testing';

export interface NatsEndpoint {
  url: string;
  /**
   * Whether ensureNats started the server; `stop` then ends it and deletes its store,
   * unless the store is `storeDir`, which it keeps.
   */
  started: boolean;
  /** The JetStream store of a server started here with `storeDir`. */
  storeDir?: string;
  stop(): Promise<void>;
}

export interface EnsureNatsOptions {
  /** A running server (NATS_URL), configured with the same accounts; used as it is. */
  url?: string;
  /** The configuration text (`buildNatsConfig`) for a server started here. */
  config: string;
  /**
   * Where a server started here keeps its JetStream store, kept across restarts (the
   * province demo keeps it beside its database); absent, a temporary one.
   */
  storeDir?: string;
}

/** A nats-server on a free port whose store persists in `storeDir` (created if missing). */
async function startPersistentNats(config: string, storeDir: string): Promise<NatsServer> {
  const binary = natsServerBinary();
  if (!existsSync(binary)) throw new Error(`nats-server not found at ${binary}`);
  mkdirSync(storeDir, { recursive: true });
  const configFile = join(storeDir, 'nats.conf');
  writeFileSync(configFile, config);
  const port = await freePort();
  // Ends with the demo, however it ends: a crash leaves no nats-server holding the store.
  const child = spawnTiedToProcess(binary, [
    '-a',
    '127.0.0.1',
    '-p',
    String(port),
    '-js',
    '-sd',
    storeDir,
    '-c',
    configFile,
  ]);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `nats://127.0.0.1:${port}`;
  await waitUntil(async () => child.exitCode === null && (await natsAnswers(url, 500)), {
    what: `nats-server on ${port} with its store in ${storeDir}`,
    ms: 30_000,
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    child.kill('SIGTERM');
    await exited;
  };
  return { url, port, stop, restart: async () => undefined, dispose: stop };
}

/** Whether a NATS server answers at `url`: it greets a new connection with `INFO`. */
export function natsAnswers(url: string, timeoutMs = 2000): Promise<boolean> {
  const first = url.split(',')[0] ?? url;
  const { hostname, port } = new URL(first.includes('://') ? first : `nats://${first}`);
  return new Promise((resolve) => {
    const socket = tcpConnect(Number(port || 4222), hostname);
    const done = (answered: boolean) => {
      socket.destroy();
      resolve(answered);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('data', (chunk) => done(chunk.toString('latin1').startsWith('INFO')));
    socket.once('error', () => done(false));
  });
}

/**
 * The NATS the demo and tests use: the server at `url` when one is given, else a
 * nats-server started with `config` on a free port and a temporary store. Stops with a
 * message saying how to get one when neither works.
 */
export async function ensureNats({
  url,
  config,
  storeDir,
}: EnsureNatsOptions): Promise<NatsEndpoint> {
  if (url) {
    if (!(await natsAnswers(url)))
      throw new Error(
        `NATS at ${url} does not answer: start it (nats-server -c infra/nats/dev.conf -sd <dir>), or unset NATS_URL to have a nats-server started here`,
      );
    return { url, started: false, stop: async () => undefined };
  }
  let server: NatsServer;
  try {
    server = storeDir
      ? await startPersistentNats(config, storeDir)
      : await startNatsServer({ config });
  } catch (cause) {
    throw new Error(
      `could not start nats-server (${(cause as Error).message}): install it (apt-get install nats-server; NATS_SERVER_BIN names another binary), or set NATS_URL to a running server`,
      { cause },
    );
  }
  return {
    url: server.url,
    started: true,
    ...(storeDir && { storeDir }),
    stop: () => server.dispose(),
  };
}
