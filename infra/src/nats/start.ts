import { connect as tcpConnect } from 'node:net';
import { type NatsServer, startNatsServer } from '@huishang/subgraph-kit/testing';

export interface NatsEndpoint {
  url: string;
  /** Whether ensureNats started the server; `stop` then ends it and deletes its store. */
  started: boolean;
  stop(): Promise<void>;
}

export interface EnsureNatsOptions {
  /** A running server (NATS_URL), configured with the same accounts; used as it is. */
  url?: string;
  /** The configuration text (`buildNatsConfig`) for a server started here. */
  config: string;
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
export async function ensureNats({ url, config }: EnsureNatsOptions): Promise<NatsEndpoint> {
  if (url) {
    if (!(await natsAnswers(url)))
      throw new Error(
        `NATS at ${url} does not answer: start it (nats-server -c infra/nats/dev.conf -sd <dir>), or unset NATS_URL to have a nats-server started here`,
      );
    return { url, started: false, stop: async () => undefined };
  }
  let server: NatsServer;
  try {
    server = await startNatsServer({ config });
  } catch (cause) {
    throw new Error(
      `could not start nats-server (${(cause as Error).message}): install it (apt-get install nats-server; NATS_SERVER_BIN names another binary), or set NATS_URL to a running server`,
      { cause },
    );
  }
  return { url: server.url, started: true, stop: () => server.dispose() };
}
