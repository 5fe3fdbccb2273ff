import type { JetStreamClient } from '@nats-io/jetstream';
import pg from 'pg';
import { quote } from '../sql-rows.js';
import { Alarm, backoffMs } from './alarm.js';
import type { BusLog } from './bus-log.js';

export interface OutboxRelayOptions {
  /** The process's pool: the relay opens one session of its own with the same settings. */
  pool: pg.Pool;
  log: BusLog;
  /** Rows read, and published with their acknowledgements in flight, at a time. @default 500 */
  batchSize?: number;
  /** How often one query looks for unpublished rows a notification did not announce. @default 1000 */
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

/** One schema's share of the process's relay. */
export interface SchemaRelay {
  stats(): RelayStats;
  /** Stops after the batch in flight; unmarked rows are published next time, by whoever holds the lock. */
  stop(): Promise<void>;
}

/**
 * The outbox relay of a process: ONE PostgreSQL session (LISTEN, the schemas' advisory
 * locks, reads and marks, one statement at a time) for every schema the process hosts,
 * each schema published over its own region's JetStream connection.
 */
export interface OutboxRelay {
  /**
   * Starts relaying `schema`'s outbox with `js` (its region's connection); `onPublished`
   * hears each batch published (its writes are committed, since their rows are read).
   */
  add(schema: string, js: JetStreamClient, onPublished?: () => void): SchemaRelay;
  stats(): RelayStats[];
}

interface OutboxRow {
  seq: string;
  event_id: string;
  subjects: string[];
  envelope: string;
}

/** Channel of the kit_0002 trigger; the payload is the schema that wrote. */
const channel = 'huishang_outbox';
/** How often schemas whose lock another process holds are tried again. */
const standbyMs = 5_000;
/** Counting a backlog scans the unpublished rows: at most once a second per schema. */
const countEveryMs = 1_000;
const lockKey = 'huishang-outbox-relay';

/** A PostgreSQL session whose statements run one after another, whoever issues them. */
class Session {
  readonly client: pg.Client;
  broken = false;
  #chain: Promise<unknown> = Promise.resolve();

  constructor(client: pg.Client) {
    this.client = client;
  }

  query<R extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<R[]> {
    const run = this.#chain.then(() => this.client.query<R>(text, values));
    this.#chain = run.catch(() => undefined);
    return run.then((result) => result.rows);
  }
}

interface Lane {
  schema: string;
  js: JetStreamClient;
  log: BusLog;
  stats: RelayStats;
  /** Rung by notifications, the poll and stop. */
  alarm: Alarm;
  /** Rung only by stop, so that a notification does not cut a backoff short. */
  halt: Alarm;
  /** The session the lock was taken on; another session means the lock must be taken again. */
  lockedOn?: Session;
  /** The session the lock was last tried on (held by another process, perhaps). */
  triedOn?: Session;
  countedAt: number;
  stopped: boolean;
  onPublished?: (() => void) | undefined;
  loop?: Promise<void>;
}

/**
 * Publishes outboxes to JetStream in seq order, each envelope to each of its subjects with
 * the event id as message id, many acknowledgements in flight;
 * rows are marked in one statement per batch, up to the first that failed. A row published
 * twice (a crash between the ack and the mark) is stored once by JetStream's duplicate
 * window. An advisory lock per schema, held by the session, lets one process relay a
 * schema at a time; another waits and takes over. NATS or PostgreSQL down only delays a
 * schema: its lane retries the same rows with backoff and never skips one.
 */
export function createOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const { pool, log } = options;
  const batchSize = options.batchSize ?? 500;
  const pollMs = options.pollMs ?? 1_000;
  const lanes = new Map<string, Lane>();
  const wake = new Alarm();
  let session: Session | undefined;
  let opening: Promise<Session> | undefined;
  let running: Promise<void> | undefined;
  /** Whether the running supervisor still loops (it winds down once no lane is left). */
  let supervising = false;

  function lost(opened: Session, error?: unknown) {
    if (opened.broken) return;
    opened.broken = true;
    if (error) log.warn({ err: error }, 'outbox relay lost its PostgreSQL session');
    // Its locks may already have passed to another process: never use it again.
    void opened.client.end().catch(() => undefined);
    if (session === opened) session = undefined;
    for (const lane of lanes.values()) {
      lane.stats.active = false;
      lane.alarm.ring();
    }
    wake.ring();
  }

  async function open(): Promise<Session> {
    // One session serves every lane: a statement that hangs, or a connection the server
    // dropped without a word, must fail rather than stall them all.
    const client = new pg.Client({
      ...pool.options,
      keepAlive: true,
      statement_timeout: 30_000,
      query_timeout: 35_000,
    });
    const opened = new Session(client);
    // A server restart surfaces here; the lanes then open a new session.
    client.on('error', (error) => lost(opened, error));
    client.on('end', () => lost(opened));
    client.on('notification', (n) => {
      if (n.payload) lanes.get(n.payload)?.alarm.ring();
    });
    try {
      await client.connect();
      await opened.query(`LISTEN ${channel}`);
    } catch (error) {
      opened.broken = true;
      await client.end().catch(() => undefined);
      throw error;
    }
    session = opened;
    // Whatever was written while no session listened is found by the lanes' first read.
    for (const lane of lanes.values()) lane.alarm.ring();
    wake.ring();
    return opened;
  }

  /** The live session, opened once for all lanes that ask at the same time. */
  function current(): Promise<Session> {
    if (session && !session.broken) return Promise.resolve(session);
    opening ??= open().finally(() => {
      opening = undefined;
    });
    return opening;
  }

  /** The poll: one statement finds the active schemas with unpublished rows. */
  async function poll(live: Session) {
    const active = [...lanes.values()].filter((l) => l.lockedOn === live && !l.stopped);
    if (active.length === 0) return;
    const rows = await live.query<{ schema: string }>(
      active
        .map(
          (l, i) =>
            `SELECT $${i + 1}::text AS schema WHERE EXISTS (SELECT 1 FROM ${quote(l.schema)}._outbox WHERE published_at IS NULL)`,
        )
        .join(' UNION ALL '),
      active.map((l) => l.schema),
    );
    for (const row of rows) lanes.get(row.schema)?.alarm.ring();
  }

  /** Tries the locks of the schemas not held, all in one statement. */
  async function lock(live: Session) {
    const waiting = [...lanes.values()].filter((l) => l.lockedOn !== live && !l.stopped);
    if (waiting.length === 0) return;
    const rows = await live.query<{ schema: string; locked: boolean }>(
      `SELECT s AS schema, pg_try_advisory_lock(hashtext($1), hashtext(s)) AS locked
         FROM unnest($2::text[]) AS s`,
      [lockKey, waiting.map((l) => l.schema)],
    );
    for (const row of rows) {
      const lane = lanes.get(row.schema);
      if (!row.locked) {
        if (lane) lane.triedOn = live;
        continue;
      }
      if (!lane || lane.stopped) {
        // Stopped while the lock was being taken: give it back at once.
        await live.query('SELECT pg_advisory_unlock(hashtext($1), hashtext($2))', [
          lockKey,
          row.schema,
        ]);
        continue;
      }
      lane.triedOn = live;
      lane.lockedOn = live;
      lane.stats.active = true;
      lane.log.info({ schema: lane.schema }, 'outbox relay started');
      lane.alarm.ring();
    }
  }

  /** The process-wide loop: session, locks and the poll. */
  async function supervise() {
    supervising = true;
    let failures = 0;
    let lockedAt = 0;
    while (lanes.size > 0) {
      try {
        const live = await current();
        const now = Date.now();
        // A lane new to this session is tried at once, the others every standbyMs.
        const untried = [...lanes.values()].some((l) => l.triedOn !== live);
        if (untried || now - lockedAt >= standbyMs) {
          await lock(live);
          lockedAt = now;
        }
        await poll(live);
        failures = 0;
        await wake.sleep(pollMs);
      } catch (error) {
        failures += 1;
        log.warn({ err: error, failures }, 'outbox relay failed; retrying');
        await wake.sleep(backoffMs(failures));
      }
    }
    supervising = false;
    const closing = session;
    session = undefined;
    if (closing) {
      closing.broken = true;
      await closing.client.end().catch(() => undefined);
    }
  }

  async function countBacklog(live: Session, lane: Lane) {
    const [row] = await live.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${quote(lane.schema)}._outbox WHERE published_at IS NULL`,
    );
    lane.stats.backlog = row?.n ?? 0;
    lane.countedAt = Date.now();
  }

  /** Publishes one batch in order with every acknowledgement in flight; marks the prefix that made it. */
  async function publish(live: Session, lane: Lane, rows: OutboxRow[]) {
    const sent = rows.map((row) =>
      Promise.all(
        row.subjects.map((subject) =>
          lane.js.publish(subject, row.envelope, { msgID: row.event_id }),
        ),
      ),
    );
    const outcomes = await Promise.allSettled(sent);
    const failed = outcomes.findIndex((o) => o.status === 'rejected');
    const done = failed === -1 ? rows : rows.slice(0, failed);
    if (done.length > 0) {
      // The rows are this lane's own numbers: literal, so no parameter limit applies.
      await live.query(
        `UPDATE ${quote(lane.schema)}._outbox SET published_at = now()
          WHERE seq = ANY('{${done.map((r) => Number(r.seq)).join(',')}}'::bigint[])`,
      );
      lane.stats.published += done.length;
      lane.stats.lastPublishedSeq = Number(done.at(-1)?.seq);
      lane.stats.backlog = Math.max(0, lane.stats.backlog - done.length);
      lane.onPublished?.();
    }
    const rejection = outcomes[failed];
    if (rejection?.status === 'rejected') throw rejection.reason;
  }

  /** One schema's loop: read a batch, publish it, mark it, until nothing is left. */
  async function relay(lane: Lane) {
    let failures = 0;
    while (!lane.stopped) {
      try {
        const live = await current();
        if (lane.lockedOn !== live) {
          wake.ring();
          await lane.alarm.sleep(standbyMs);
          continue;
        }
        // Ordered by the column, not by its text alias (where '10' < '9').
        const rows = await live.query<OutboxRow>(
          `SELECT o.seq::text AS seq, o.event_id::text AS event_id, o.subjects,
                  o.envelope::text AS envelope
             FROM ${quote(lane.schema)}._outbox o WHERE o.published_at IS NULL ORDER BY o.seq LIMIT $1`,
          [batchSize],
        );
        failures = 0;
        if (rows.length === 0) {
          lane.stats.backlog = 0;
          await lane.alarm.sleep(60_000);
          continue;
        }
        if (rows.length < batchSize) lane.stats.backlog = rows.length;
        else if (Date.now() - lane.countedAt > countEveryMs) await countBacklog(live, lane);
        await publish(live, lane, rows);
        lane.stats.lastError = null;
      } catch (error) {
        if (lane.stopped) break;
        failures += 1;
        lane.stats.lastError = error instanceof Error ? error.message : String(error);
        lane.log.warn(
          { schema: lane.schema, err: error, failures },
          'outbox relay failed; retrying',
        );
        await lane.halt.sleep(backoffMs(failures));
      }
    }
  }

  return {
    add(schema, js, onPublished) {
      if (lanes.has(schema)) throw new Error(`${schema} is relayed already`);
      const lane: Lane = {
        schema,
        onPublished,
        js,
        log,
        alarm: new Alarm(),
        halt: new Alarm(),
        countedAt: 0,
        stopped: false,
        stats: {
          schema,
          active: false,
          published: 0,
          lastPublishedSeq: null,
          backlog: 0,
          lastError: null,
        },
      };
      lanes.set(schema, lane);
      if (!supervising) {
        // A supervisor winding down closes its session first; the next one opens its own.
        const previous = running ?? Promise.resolve();
        supervising = true;
        const next: Promise<void> = previous.then(supervise).finally(() => {
          if (running === next) running = undefined;
        });
        running = next;
      }
      wake.ring();
      lane.loop = relay(lane);
      return {
        stats: () => ({ ...lane.stats }),
        async stop() {
          lane.stopped = true;
          lane.alarm.ring();
          lane.halt.ring();
          await lane.loop;
          lanes.delete(schema);
          const held = lane.lockedOn;
          lane.stats.active = false;
          // Hand the schema to another process now rather than when this session ends.
          if (held && !held.broken)
            await held
              .query('SELECT pg_advisory_unlock(hashtext($1), hashtext($2))', [lockKey, schema])
              .catch(() => undefined);
          wake.ring();
          if (lanes.size === 0) await running;
        },
      };
    },
    stats: () => [...lanes.values()].map((l) => ({ ...l.stats })),
  };
}

const processRelays = new WeakMap<pg.Pool, OutboxRelay>();

/** The one relay of the process that owns `pool`, shared by every subgraph app on it. */
export function processOutboxRelay(pool: pg.Pool, log: BusLog): OutboxRelay {
  let relay = processRelays.get(pool);
  if (!relay) {
    relay = createOutboxRelay({ pool, log });
    processRelays.set(pool, relay);
  }
  return relay;
}
