import type { EventEnvelope } from '@huishang/schema';
import {
  AckPolicy,
  type ConsumerMessages,
  DeliverPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { Alarm, backoffMs } from '../alarm.js';
import type { BusLog } from '../bus-log.js';
import type { RawSql } from '../outbox.js';
import type { ReplicationHandler } from './handler.js';
import { type ReplicaSubscription, replicaSubscriptions } from './subscriptions.js';
import { judgeMessage } from './verdict.js';

/** What the consumer runs inside a region's transaction: a Prisma interactive transaction. */
export interface ReplicaTransaction extends RawSql {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

/** A region's Prisma client, as far as the consumer uses it. */
export interface ReplicaClient extends ReplicaTransaction {
  $transaction<R>(
    fn: (tx: ReplicaTransaction) => Promise<R>,
    options?: { maxWait?: number; timeout?: number },
  ): Promise<R>;
}

export interface ReplicaConsumerOptions {
  /** The Prisma client of the replica region. */
  client: ReplicaClient;
  /** The city or province (or, for joint sessions, any region) keeping replicas. */
  region: string;
  /** Its schema, e.g. `proposals_330500`: where `_replica_version` and friends live. */
  schema: string;
  handler: ReplicationHandler;
  js: JetStreamClient;
  log: BusLog;
  /** Messages a consumer may hold unacknowledged. @default 256 */
  maxAckPending?: number;
  /** What it reads. @default replicaSubscriptions(region, schema, handler.aggregates) */
  subscriptions?: ReplicaSubscription[];
}

/** How far a replica region is behind one region whose records it keeps. */
export interface ReplicaSourceStats {
  source: string;
  lastApplied: { eventId: string; occurredAt: string; appliedAt: string } | null;
  /** Events not yet applied by the consumers that carry this source's events. */
  eventsBehind: number | null;
  /** now − occurredAt of the last event applied from this source, when events are behind. */
  secondsBehind: number;
}

export interface ReplicationStats {
  region: string;
  schema: string;
  consumers: { name: string; filter: string; eventsBehind: number | null }[];
  sources: ReplicaSourceStats[];
  applied: number;
  /** Events older than the replica, or not for this region. */
  skipped: number;
  deadLettered: number;
  /** Failed attempts, each nak'ed for redelivery. */
  failures: number;
}

export interface ReplicaConsumer {
  stats(): Promise<ReplicationStats>;
  /** Stops after the message in hand; those not acknowledged are redelivered later. */
  stop(): Promise<void>;
}

// PostgreSQL text cannot hold NUL; a parked message keeps everything else as it came.
const storable = (text: string) => text.replaceAll('\u0000', '\\u0000');

/** The time a UUIDv7 was made: its first 48 bits, in milliseconds since the epoch. */
const uuidv7Time = (id: string) =>
  new Date(Number.parseInt(id.replaceAll('-', '').slice(0, 12), 16));

const isNotFound = (error: unknown) =>
  error instanceof JetStreamApiError && error.code === JetStreamApiCodes.ConsumerNotFound;

const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out')), ms)),
  ]);

/** Where a message came from: the consumer's position, and what a parked one keeps. */
export interface Delivery {
  consumer: string;
  subject: string;
  seq: number;
  data: string;
}

const recordPosition = (tx: RawSql, schema: string, consumer: string, seq: number) =>
  tx.$executeRawUnsafe(
    `INSERT INTO "${schema}"._consumer_position AS p (consumer, stream_seq) VALUES ($1, $2::bigint)
     ON CONFLICT (consumer) DO UPDATE
       SET stream_seq = GREATEST(p.stream_seq, EXCLUDED.stream_seq), updated_at = now()`,
    consumer,
    seq,
  );

const deadLetter = (tx: RawSql, schema: string, delivery: Delivery, reason: string) =>
  tx.$executeRawUnsafe(
    `INSERT INTO "${schema}"._dead_letter (consumer, subject, stream_seq, reason, data)
     VALUES ($1, $2, $3::bigint, $4, $5) ON CONFLICT (consumer, stream_seq) DO NOTHING`,
    delivery.consumer,
    delivery.subject,
    delivery.seq,
    storable(reason),
    storable(delivery.data),
  );

/**
 * Takes the aggregate's version forward if the event is newer; the row lock this takes
 * makes concurrent consumers of one aggregate wait for each other. An aggregate already
 * known under another owner is never taken over.
 */
async function claim(tx: ReplicaTransaction, schema: string, event: EventEnvelope) {
  const claimed = await tx.$queryRawUnsafe<unknown[]>(
    `INSERT INTO "${schema}"._replica_version AS r
       (aggregate_type, aggregate_id, origin_region, version, event_id)
     VALUES ($1, $2::uuid, $3, $4::int, $5::uuid)
     ON CONFLICT (aggregate_type, aggregate_id) DO UPDATE
       SET version = EXCLUDED.version, event_id = EXCLUDED.event_id, applied_at = now()
       WHERE r.version < EXCLUDED.version AND r.origin_region = EXCLUDED.origin_region
     RETURNING 1`,
    event.aggregate.type,
    event.aggregate.id,
    event.originRegion,
    event.aggregate.version,
    event.eventId,
  );
  if (claimed.length > 0) return { newer: true as const };
  const [known] = await tx.$queryRawUnsafe<{ origin_region: string }[]>(
    `SELECT origin_region FROM "${schema}"._replica_version
      WHERE aggregate_type = $1 AND aggregate_id = $2::uuid`,
    event.aggregate.type,
    event.aggregate.id,
  );
  return { newer: false as const, owner: known?.origin_region };
}

/**
 * Applies a valid event the region keeps, in one transaction that also stores the
 * consumer's position: only if it is newer than the replica, and parked if the aggregate
 * belongs to another owner. Resolves to whether the replica moved forward.
 */
export function applyReplicaEvent(
  client: ReplicaClient,
  schema: string,
  handler: ReplicationHandler,
  event: EventEnvelope,
  delivery: Delivery,
): Promise<boolean> {
  return client.$transaction(async (tx) => {
    const claimed = await claim(tx, schema, event);
    if (claimed.newer) await handler.apply(tx, [event]);
    else if (claimed.owner && claimed.owner !== event.originRegion) {
      const reason = `${event.aggregate.type} ${event.aggregate.id} belongs to ${claimed.owner}, not ${event.originRegion}`;
      await deadLetter(tx, schema, delivery, reason);
    }
    await recordPosition(tx, schema, delivery.consumer, delivery.seq);
    return claimed.newer;
  });
}

interface Running {
  subscription: ReplicaSubscription;
  messages?: ConsumerMessages;
  jsm?: JetStreamManager;
  /** From the last message's delivery info, when the server cannot be asked. */
  pending: number | null;
}

/**
 * Keeps a region's replicas of records owned below it (and of joint sessions it takes
 * part in): one durable pull consumer per subscription, each message applied in one
 * transaction on the region's database that also stores the consumer's position, then
 * acknowledged. Applying only moves a replica forward by aggregate version, so a
 * redelivered or reordered event changes nothing; a message that is not a valid event
 * is parked in `_dead_letter` with the reason; a failed transaction is nak'ed and retried.
 */
export function startReplicaConsumer(options: ReplicaConsumerOptions): ReplicaConsumer {
  const { client, region, schema, handler, js, log } = options;
  const maxAckPending = options.maxAckPending ?? 256;
  const counters = { applied: 0, skipped: 0, deadLettered: 0, failures: 0 };
  const lastApplied = new Map<string, NonNullable<ReplicaSourceStats['lastApplied']>>();
  const halt = new Alarm();
  let stopped = false;

  async function handle(running: Running, msg: JsMsg) {
    const { subscription } = running;
    const consumer = subscription.name;
    const delivery = { consumer, subject: msg.subject, seq: msg.seq, data: msg.string() };
    const verdict = judgeMessage(subscription, msg.subject, delivery.data);
    running.pending = msg.info.pending;
    try {
      if (!verdict.ok) {
        await client.$transaction(async (tx) => {
          await deadLetter(tx, schema, delivery, verdict.reason);
          await recordPosition(tx, schema, consumer, msg.seq);
        });
        counters.deadLettered += 1;
        log.warn({ consumer, seq: msg.seq, reason: verdict.reason }, 'event parked');
      } else if (!verdict.keep) {
        await recordPosition(client, schema, consumer, msg.seq);
        counters.skipped += 1;
      } else {
        const { event } = verdict;
        if (await applyReplicaEvent(client, schema, handler, event, delivery)) {
          counters.applied += 1;
          lastApplied.set(event.originRegion, {
            eventId: event.eventId,
            occurredAt: event.occurredAt,
            appliedAt: new Date().toISOString(),
          });
        } else counters.skipped += 1;
      }
      msg.ack();
    } catch (error) {
      counters.failures += 1;
      const delay = backoffMs(msg.info.deliveryCount, 30_000);
      msg.nak(delay);
      log.warn({ consumer, seq: msg.seq, err: error, retryInMs: delay }, 'replica apply failed');
    }
  }

  async function ensureConsumer(jsm: JetStreamManager, subscription: ReplicaSubscription) {
    try {
      await jsm.consumers.info(subscription.stream, subscription.name);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      await jsm.consumers.add(subscription.stream, {
        durable_name: subscription.name,
        filter_subject: subscription.filter,
        deliver_policy: DeliverPolicy.All,
        ack_policy: AckPolicy.Explicit,
        ack_wait: nanos(30_000),
        max_ack_pending: maxAckPending,
      });
    }
  }

  async function run(running: Running) {
    const { subscription } = running;
    let failures = 0;
    while (!stopped) {
      try {
        running.jsm ??= await js.jetstreamManager();
        await ensureConsumer(running.jsm, subscription);
        const consumer = await js.consumers.get(subscription.stream, subscription.name);
        running.messages = await consumer.consume({ max_messages: Math.min(100, maxAckPending) });
        failures = 0;
        for await (const msg of running.messages) {
          await handle(running, msg);
          if (stopped) break;
        }
      } catch (error) {
        if (stopped) break;
        failures += 1;
        log.warn({ consumer: subscription.name, err: error, failures }, 'replica consumer failed');
      }
      await halt.sleep(backoffMs(failures + 1));
    }
    await running.messages?.close();
  }

  async function seedLastApplied() {
    try {
      const rows = await client.$queryRawUnsafe<
        { origin_region: string; event_id: string; applied_at: Date }[]
      >(
        `SELECT DISTINCT ON (origin_region) origin_region, event_id::text AS event_id, applied_at
           FROM "${schema}"._replica_version ORDER BY origin_region, applied_at DESC`,
      );
      for (const row of rows) {
        // The version table also holds what other consumers of the schema applied.
        if (!runs.some((r) => r.subscription.carries(row.origin_region))) continue;
        if (lastApplied.has(row.origin_region)) continue;
        lastApplied.set(row.origin_region, {
          eventId: row.event_id,
          occurredAt: uuidv7Time(row.event_id).toISOString(),
          appliedAt: new Date(row.applied_at).toISOString(),
        });
      }
    } catch (error) {
      log.warn({ schema, err: error }, 'could not read replica versions for the figures');
    }
  }

  const subscriptions =
    options.subscriptions ?? replicaSubscriptions(region, schema, handler.aggregates);
  const runs: Running[] = subscriptions.map((subscription) => ({ subscription, pending: null }));
  const seeded = seedLastApplied();
  const loops = runs.map(run);

  async function pendingOf(running: Running): Promise<number | null> {
    const { jsm, subscription } = running;
    if (!jsm) return running.pending;
    try {
      const info = await within(jsm.consumers.info(subscription.stream, subscription.name), 1_000);
      return info.num_pending + info.num_ack_pending;
    } catch {
      return running.pending;
    }
  }

  return {
    async stats() {
      await seeded;
      const pending = await Promise.all(runs.map(pendingOf));
      const now = Date.now();
      const sources = [...lastApplied.entries()].toSorted(([a], [b]) => a.localeCompare(b));
      return {
        region,
        schema,
        ...counters,
        consumers: runs.map(({ subscription }, i) => ({
          name: subscription.name,
          filter: subscription.filter,
          eventsBehind: pending[i] ?? null,
        })),
        sources: sources.map(([source, last]) => {
          const carrying = runs.flatMap((r, i) =>
            r.subscription.carries(source) ? [pending[i]] : [],
          );
          const known = carrying.filter((n): n is number => n !== null && n !== undefined);
          const eventsBehind = known.length > 0 ? known.reduce((a, b) => a + b, 0) : null;
          const behindMs = now - Date.parse(last.occurredAt);
          return {
            source,
            lastApplied: last,
            eventsBehind,
            secondsBehind: eventsBehind ? Math.max(0, behindMs / 1000) : 0,
          };
        }),
      };
    },
    async stop() {
      stopped = true;
      halt.ring();
      await Promise.all(runs.map((r) => r.messages?.close()));
      await Promise.all(loops);
      await seeded;
    },
  };
}
