import { createServer } from 'node:net';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The one way tests wait: reads until the reading holds (`done`, or a truthy reading without
 * it) and returns that reading for the test to assert on. A bounded wait, not a timed
 * assertion: it fails only when the condition never comes, and then throws, saying what was
 * awaited (`what`), the last reading and `detail()`. A read that throws (a server being
 * restarted) counts as not yet.
 */
export async function waitUntil<T>(
  read: () => Promise<T> | T,
  options: {
    what: string;
    ms: number;
    /** When the reading is the one awaited. @default a truthy reading */
    done?: (value: T) => boolean;
    /** How often to look. @default 50 */
    everyMs?: number;
    detail?: () => Promise<string> | string;
  },
): Promise<T> {
  const { what, ms, done = Boolean, detail } = options;
  const until = Date.now() + ms;
  let last: { value: T } | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await read();
      last = { value };
      lastError = undefined;
      if (done(value)) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > until) {
      const failed = lastError instanceof Error ? `\nlast check failed: ${lastError.message}` : '';
      const reading = options.done && last ? `\nlast reading: ${JSON.stringify(last.value)}` : '';
      const more = detail ? `\n${await detail()}` : '';
      throw new Error(`waited ${ms / 1000} s for ${what}${failed}${reading}${more}`);
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
