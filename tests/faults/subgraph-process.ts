import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { freePort, waitUntil } from '@huishang/subgraph-kit/testing';

export interface SubgraphProcess {
  region: string;
  /** `http://127.0.0.1:<port>`; the same across restarts. */
  url: string;
  /** Starts the process and waits until it answers `/ready`. */
  start(): Promise<void>;
  /** Sends `signal` (SIGKILL by default) and waits for the process to be gone. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** The last lines it printed, to read a failure. */
  logTail(): string;
}

/**
 * One region's node of a subgraph as its own OS process, `node <subgraph>/dist/server.js`
 * with the environment a deployment gives it (built by `npm test`'s `turbo run build`).
 */
export async function subgraphProcess(options: {
  subgraph: string;
  region: string;
  env: Record<string, string>;
}): Promise<SubgraphProcess> {
  const server = fileURLToPath(
    new URL(`../../subgraphs/${options.subgraph}/dist/server.js`, import.meta.url),
  );
  if (!existsSync(server)) throw new Error(`${server} is missing: run npm run build first`);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const lines: string[] = [];
  let child: ChildProcess | undefined;

  const remember = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').trimEnd().split('\n'));
    lines.splice(0, Math.max(0, lines.length - 200));
  };
  const running = () => child !== undefined && child.exitCode === null && !child.signalCode;

  const ready = async () => {
    const response = await fetch(`${url}/ready`, { signal: AbortSignal.timeout(2_000) });
    return response.ok;
  };

  return {
    region: options.region,
    url,
    async start() {
      child = spawn(process.execPath, [server], {
        env: {
          ...process.env,
          // no reminder scheduler unless a test asks for one: its writes come by the clock
          HUISHANG_REMINDER_SWEEP_MS: '0',
          ...options.env,
          HUISHANG_REGIONS: options.region,
          PORT: String(port),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout?.on('data', remember);
      child.stderr?.on('data', remember);
      await waitUntil(async () => running() && (await ready()), {
        what: `${options.subgraph} ${options.region} to be ready`,
        ms: 30_000,
        detail: () => lines.slice(-20).join('\n'),
      });
    },
    async kill(signal = 'SIGKILL') {
      const target = child;
      if (!target || target.exitCode !== null || target.signalCode) return;
      const exited = new Promise((resolve) => target.once('exit', resolve));
      target.kill(signal);
      await exited;
    },
    logTail: () => lines.slice(-40).join('\n'),
  };
}
