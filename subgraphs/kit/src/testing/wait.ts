import { createServer } from 'node:net';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls `check` until it holds; a bounded wait, not a timed assertion: it fails only when
 * the condition never comes, with `what` (and `detail()`) saying what was awaited. A check
 * that throws (a server being restarted) counts as not yet.
 */
export async function waitUntil(
  check: () => Promise<boolean> | boolean,
  options: {
    what: string;
    ms: number;
    /** How often to look. @default 50 */
    everyMs?: number;
    detail?: () => Promise<string> | string;
  },
): Promise<void> {
  const { what, ms, detail } = options;
  const until = Date.now() + ms;
  let lastError: unknown;
  for (;;) {
    try {
      if (await check()) return;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > until) {
      const failed = lastError instanceof Error ? `\nlast check failed: ${lastError.message}` : '';
      const more = detail ? `\n${await detail()}` : '';
      throw new Error(`waited ${ms / 1000} s for ${what}${failed}${more}`);
    }
    await sleep(options.everyMs ?? 50);
  }
}

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
