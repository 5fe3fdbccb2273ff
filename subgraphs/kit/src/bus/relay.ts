import type { JetStreamClient } from '@nats-io/jetstream';
import pg from 'pg';
import { Alarm, backoffMs } from './alarm.js';
import type { BusLog } from './bus-log.js';

export interface OutboxRelayOptions {
  /** The process's pool: the relay opens its own session with the same settings. */
  pool: pg.Pool;
  /** The region schema whose `_outbox` this relay publishes, e.g. `proposals_330503`. */
  schema: string;
  js: JetStreamClient;
  log: BusLog;
  /** Rows read at a time. @default 100 */
  batchSize?: number;
  /** How long to wait for a notification before looking anyway. @default 1000 */
  pollMs?: number;
}

export interface RelayStats {
  schema: string;
  /** Whether this process holds the schema's relay lock (another process relays otherwise). */
  active: boolean;
  /** Rows published and marked since start. */
  published: number;
  lastPublishedSeq: number | null;
  /** Rows not yet published, as last counted. */
  backlog: number;
  lastError: string | null;
}

export interface OutboxRelay {
  stats(): RelayStats;
  /** Stops after the row being published; unmarked rows are published next time. */
  stop(): Promise<void>;
}

interface OutboxRow {
  seq: string;
  event_id: string;
  subjects: string[];
  envelope: string;
}

/** Channel of the kit_0002 trigger; the payload is the schema that wrote. */
const channel = 'huishang_outbox';
/** How often a relay that does not hold the lock checks whether it is free. */
const standbyMs = 5_000;
/** Counting the backlog scans the unpublished rows: at most once a second. */
const countEveryMs = 1_000;

/**
 * Publishes a schema's outbox to JetStream in seq order, each envelope to each of its
 * subjects with the event id as message id, so a row published twice (a crash between
 * the ack and the mark) is stored once. A PostgreSQL advisory lock on the schema keeps a
 * second process from relaying the same outbox concurrently. NATS or PostgreSQL being
 * down only delays it: it retries the same row with backoff and never skips one.
 */
export function startOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const { schema, js, log } = options;
  const batchSize = options.batchSize ?? 100;
  const pollMs = options.pollMs ?? 1_000;
  const table = `"${schema}"._outbox`;
  /** Rung by notifications and by stop; `halt` only by stop, so backoff is not cut short. */
  const alarm = new Alarm();
  const halt = new Alarm();
  const stats: RelayStats = {
    schema,
    active: false,
    published: 0,
    lastPublishedSeq: null,
    backlog: 0,
    lastError: null,
  };
  let stopped = false;
  let session: { client: pg.Client; broken: boolean } | undefined;
  let countedAt = 0;

  async function openSession() {
    const client = new pg.Client(options.pool.options);
    const opened = { client, broken: false };
    // A server restart surfaces here; the loop then opens a new session.
    client.on('error', (error) => {
      opened.broken = true;
      log.warn({ schema, err: error }, 'outbox relay lost its PostgreSQL session');
      alarm.ring();
    });
    client.on('end', () => {
      opened.broken = true;
      alarm.ring();
    });
    client.on('notification', (n) => {
      if (n.payload === schema) alarm.ring();
    });
    await client.connect();
    await client.query(`LISTEN ${channel}`);
    return opened;
  }

  async function closeSession() {
    const closing = session;
    session = undefined;
    stats.active = false;
    await closing?.client.end().catch(() => undefined);
  }

  async function countBacklog(client: pg.Client) {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${table} WHERE published_at IS NULL`,
    );
    stats.backlog = rows[0]?.n ?? 0;
    countedAt = Date.now();
  }

  /** Publishes rows in order, stopping at the first failure; marks those that made it. */
  async function publish(client: pg.Client, rows: OutboxRow[]) {
    const done: string[] = [];
    try {
      for (const row of rows) {
        // Without its session the lock may pass to another process: leave the rest to it.
        if (stopped || session?.broken) break;
        for (const subject of row.subjects) {
          await js.publish(subject, row.envelope, { msgID: row.event_id });
        }
        done.push(row.seq);
      }
    } finally {
      if (done.length > 0) {
        await client.query(
          `UPDATE ${table} SET published_at = now() WHERE seq = ANY($1::bigint[])`,
          [done],
        );
        stats.published += done.length;
        stats.lastPublishedSeq = Number(done.at(-1));
        stats.backlog = Math.max(0, stats.backlog - done.length);
      }
    }
  }

  async function step() {
    if (session?.broken) await closeSession();
    session ??= await openSession();
    const { client } = session;
    if (!stats.active) {
      const { rows } = await client.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_lock(hashtext($1), hashtext($2)) AS locked',
        ['huishang-outbox-relay', schema],
      );
      stats.active = rows[0]?.locked === true;
      if (!stats.active) return alarm.sleep(standbyMs);
      log.info({ schema }, 'outbox relay started');
    }
    // Ordered by the column, not by its text alias (where '10' < '9').
    const { rows } = await client.query<OutboxRow>(
      `SELECT o.seq::text AS seq, o.event_id::text AS event_id, o.subjects, o.envelope::text AS envelope
         FROM ${table} o WHERE o.published_at IS NULL ORDER BY o.seq LIMIT $1`,
      [batchSize],
    );
    if (rows.length === 0) {
      stats.backlog = 0;
      return alarm.sleep(pollMs);
    }
    if (rows.length === batchSize && Date.now() - countedAt > countEveryMs) {
      await countBacklog(client);
    } else if (rows.length < batchSize) {
      stats.backlog = rows.length;
    }
    await publish(client, rows);
  }

  const loop = (async () => {
    let failures = 0;
    while (!stopped) {
      try {
        await step();
        failures = 0;
      } catch (error) {
        if (stopped) break;
        failures += 1;
        stats.lastError = error instanceof Error ? error.message : String(error);
        log.warn({ schema, err: error, failures }, 'outbox relay failed; retrying');
        await halt.sleep(backoffMs(failures));
      }
    }
    await closeSession();
  })();

  return {
    stats: () => ({ ...stats }),
    async stop() {
      stopped = true;
      alarm.ring();
      halt.ring();
      await loop;
    },
  };
}
