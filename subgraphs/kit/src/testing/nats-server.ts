import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitUntil } from './wait.js';

export interface NatsServer {
  url: string;
  port: number;
  /** Stops the server (SIGTERM), keeping its store for a restart. */
  stop(): Promise<void>;
  /**
   * Starts it again on the same port, with the same store, or with an empty one (`freshStore`):
   * a server whose JetStream store was lost.
   */
  restart(options?: { freshStore?: boolean }): Promise<void>;
  /** Stops it and deletes its store. */
  dispose(): Promise<void>;
}

/** Where nats-server is: NATS_SERVER_BIN, else Debian's package location. */
export const natsServerBinary = () => process.env.NATS_SERVER_BIN ?? '/usr/sbin/nats-server';

const answers = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = tcpConnect(port, '127.0.0.1');
    socket.once('connect', () => resolve(socket.end() && true));
    socket.once('error', () => resolve(false));
  });

/**
 * Spawns a server process that ends with this one: whatever way this process exits
 * (`process.exit`, an uncaught error, the end of its work), the child is sent SIGTERM from
 * the `exit` event, so no nats-server outlives a crashed demo or test run. (Only SIGKILL of
 * this process leaves it running.)
 */
export function spawnTiedToProcess(binary: string, args: string[]): ChildProcess {
  const child = spawn(binary, args, { stdio: 'ignore' });
  const end = () => child.kill('SIGTERM');
  process.on('exit', end);
  child.once('exit', () => process.off('exit', end));
  return child;
}

/**
 * Starts a nats-server with JetStream on a free port and a temporary store, optionally
 * with a configuration file's text (accounts, users). Fails with a clear message when
 * nats-server is not installed.
 */
export async function startNatsServer(options: { config?: string } = {}): Promise<NatsServer> {
  const binary = natsServerBinary();
  if (!existsSync(binary)) {
    throw new Error(
      `nats-server not found at ${binary}: install it (apt-get install nats-server) or set NATS_SERVER_BIN`,
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'huishang-nats-'));
  const port = await freePort();
  const args = ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', join(dir, 'store')];
  if (options.config) {
    writeFileSync(join(dir, 'nats.conf'), options.config);
    args.push('-c', join(dir, 'nats.conf'));
  }
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawnTiedToProcess(binary, args);
    const exited = new Promise<boolean>((resolve) => child?.once('exit', () => resolve(true)));
    await waitUntil(
      async () => (await Promise.race([exited, answers(port)])) && child?.exitCode === null,
      { what: `nats-server on ${port}`, ms: 10_000 },
    );
  };
  const stop = async () => {
    const running = child;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGTERM');
    await exited;
  };
  await start();
  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    stop,
    restart: async ({ freshStore = false } = {}) => {
      await stop();
      if (freshStore) rmSync(join(dir, 'store'), { recursive: true, force: true });
      await start();
    },
    dispose: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
