import { type ConnectionOptions, connect, type NatsConnection } from '@nats-io/transport-node';

/** A process's connection for one NATS user, and who uses it. */
export interface SharedConnection {
  connection: NatsConnection;
  /** Between a disconnect and the reconnect the client retries for ever; not up then. */
  isUp(): boolean;
  /** Gives it back; the last user drains it (if up) and closes it. */
  release(): Promise<void>;
}

interface Entry {
  opening: Promise<NatsConnection>;
  users: number;
  up: boolean;
}

const entries = new Map<string, Entry>();

async function watch(entry: Entry, connection: NatsConnection) {
  for await (const status of connection.status()) {
    if (status.type === 'disconnect') entry.up = false;
    else if (status.type === 'reconnect') entry.up = true;
  }
  entry.up = false;
}

/**
 * One NATS connection per server list and user in a process, shared by every app that asks:
 * a host of many regions runs four subgraph apps, and each region's user would otherwise
 * be connected four times. A failed connect is not kept, so the next ask tries again.
 */
export async function shareConnection(
  /** Who connects (`authenticationOf`): connections are shared per server list, user and inbox. */
  identity: string,
  options: ConnectionOptions & { servers: string[] },
): Promise<SharedConnection> {
  const key = JSON.stringify([options.servers, identity, options.inboxPrefix ?? null]);
  let entry = entries.get(key);
  if (!entry) {
    const created: Entry = { opening: connect(options), users: 0, up: false };
    entries.set(key, created);
    created.opening.then(
      (connection) => {
        created.up = true;
        void watch(created, connection);
      },
      () => {
        if (entries.get(key) === created) entries.delete(key);
      },
    );
    entry = created;
  }
  const held = entry;
  held.users += 1;
  let connection: NatsConnection;
  try {
    connection = await held.opening;
  } catch (error) {
    held.users -= 1;
    throw error;
  }
  let released = false;
  return {
    connection,
    isUp: () => held.up && !connection.isClosed(),
    async release() {
      if (released) return;
      released = true;
      held.users -= 1;
      if (held.users > 0) return;
      if (entries.get(key) === held) entries.delete(key);
      // Draining one that is down would wait for the server; it has nothing to flush.
      if (held.up) await connection.drain().catch(() => undefined);
      if (!connection.isClosed()) await connection.close();
    },
  };
}
