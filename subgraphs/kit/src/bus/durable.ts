import {
  AckPolicy,
  type ConsumerInfo,
  type ConsumerMessages,
  DeliverPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { Alarm, backoffMs } from './alarm.js';
import type { BusLog } from './bus-log.js';
import { isStalled, mismatchOf, noProgressYet, progressAfter } from './consumer-check.js';

/** A durable consumer: what a node's NATS user is granted to create and read (see `busConsumers`). */
export interface DurableSpec {
  stream: string;
  /** Durable consumer name, unique per region schema and purpose. */
  name: string;
  filter: string;
}

export interface DurableOptions extends DurableSpec {
  js: JetStreamClient;
  log: BusLog;
  /** Messages delivered and not yet acknowledged, at most. @default 1000 */
  maxAckPending?: number;
  /** Messages handed to `handle` at a time, at most. @default 500 */
  batchSize?: number;
  /**
   * Batches in hand at once, at most: with two, a full batch is handed on while the one
   * before is still handled. No order is kept between them: a `handle` that needs one
   * keeps it itself (the replica consumer's transactions wait for the batch before).
   * @default 1
   */
  concurrency?: number;
  /** How often the consumer's configuration and progress are checked on the server. @default 15000 */
  checkEveryMs?: number | undefined;
  /**
   * Handles the messages that arrived since the last call, in stream order, acknowledging
   * or nak'ing each; must not throw.
   */
  handle(batch: JsMsg[]): Promise<void>;
  /**
   * Called each time the loop (re)starts reading: whether the consumer had to be created
   * (a new node, a deleted consumer, a lost store), how far it had acknowledged, and the
   * first message the stream still holds.
   */
  started?(state: DurableStart): void;
}

export interface DurableStart {
  created: boolean;
  /** The stream sequence up to which every message was acknowledged. */
  ackFloor: number;
  /** The oldest message the stream still holds (older ones aged out). */
  firstSeq: number;
}

/** What the last check of a consumer on the server found (`replicationStatus`, `/metrics`). */
export interface DurableHealth {
  name: string;
  /** How its configuration differs from what the node runs it with; null when it matches. */
  mismatch: string | null;
  /** Messages wait, and its acknowledgement floor has not moved for `stallChecks` checks. */
  stalled: boolean;
  /** Times the running node found it missing and made it again. */
  recreated: number;
}

export interface Durable {
  /** Messages not yet acknowledged: the server's count, or the last one seen when it cannot answer. */
  pending(): Promise<number | null>;
  health(): DurableHealth;
  /** Stops after the batches in hand; unacknowledged messages are redelivered later. */
  stop(): Promise<void>;
}

const isNotFound = (error: unknown) =>
  error instanceof JetStreamApiError && error.code === JetStreamApiCodes.ConsumerNotFound;

const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out')), ms)),
  ]);

/**
 * The one durable-consumer loop of the bus, for events and commands alike: a durable pull
 * consumer (created when missing: everything in the stream, explicit acks), read in
 * batches. While a batch is handled the next one gathers, so a quiet stream is handled one
 * message at a time, at once, and a busy one in batches of up to `batchSize`. It comes
 * back after NATS outages and a deleted consumer. Delivering everything is what lets a
 * node that was offline, or new, find what waited for it.
 */
export function runDurable(options: DurableOptions): Durable {
  const { js, stream, name, filter, log } = options;
  const maxAckPending = options.maxAckPending ?? 1_000;
  const batchSize = options.batchSize ?? 500;
  const concurrency = options.concurrency ?? 1;
  const halt = new Alarm();
  let stopped = false;
  let messages: ConsumerMessages | undefined;
  let jsm: JetStreamManager | undefined;
  let lastPending: number | null = null;
  let readBefore = false;
  const health: DurableHealth = { name, mismatch: null, stalled: false, recreated: 0 };
  let progress = noProgressYet;

  /** Takes a server's view of the consumer into `health`; true when it is misconfigured. */
  function judge(info: ConsumerInfo): boolean {
    health.mismatch = mismatchOf(info.config, filter);
    progress = progressAfter(progress, info);
    health.stalled = isStalled(progress);
    return health.mismatch !== null;
  }

  /**
   * Asks the server about the consumer every `checkEveryMs`, while it is read: one found
   * missing (deleted by an operator, a lost store) ends the read, so the loop makes it again;
   * a changed configuration or no progress is alarmed, never followed.
   */
  const checking = setInterval(() => {
    if (!jsm || !messages) return;
    const reading = messages;
    within(jsm.consumers.info(stream, name), 5_000).then(
      (info) => {
        if (judge(info))
          log.error(
            { consumer: name, mismatch: health.mismatch },
            'durable consumer misconfigured',
          );
        if (health.stalled)
          log.warn({ consumer: name, ackFloor: progress.floor }, 'durable consumer stalled');
      },
      (error) => {
        if (!isNotFound(error) || stopped) return;
        log.warn({ consumer: name }, 'durable consumer is missing; making it again');
        void reading.close();
      },
    );
  }, options.checkEveryMs ?? 15_000);
  checking.unref();

  async function ensureConsumer(manager: JetStreamManager): Promise<DurableStart> {
    const { state } = await manager.streams.info(stream);
    try {
      const info = await manager.consumers.info(stream, name);
      if (judge(info))
        log.error({ consumer: name, mismatch: health.mismatch }, 'durable consumer misconfigured');
      else if (info.config.max_ack_pending !== maxAckPending)
        await manager.consumers.update(stream, name, { max_ack_pending: maxAckPending });
      return { created: false, ackFloor: info.ack_floor.stream_seq, firstSeq: state.first_seq };
    } catch (error) {
      if (!isNotFound(error)) throw error;
      // Counted where it is made, not where it is found missing: the check and the server's
      // notice may both see one deletion.
      if (readBefore) health.recreated += 1;
      await manager.consumers.add(stream, {
        durable_name: name,
        filter_subject: filter,
        deliver_policy: DeliverPolicy.All,
        ack_policy: AckPolicy.Explicit,
        ack_wait: nanos(30_000),
        max_ack_pending: maxAckPending,
      });
      return { created: true, ackFloor: 0, firstSeq: state.first_seq };
    }
  }

  /** Ends the read when the server says the consumer was deleted, which it would not end by itself. */
  function watch(source: ConsumerMessages) {
    void (async () => {
      for await (const status of source.status()) {
        if (status.type !== 'consumer_deleted') continue;
        log.warn({ consumer: name }, 'durable consumer was deleted; making it again');
        await source.close();
        return;
      }
    })().catch(() => undefined);
  }

  /** Reads messages into a buffer while the batches before are handled. */
  async function drain(source: ConsumerMessages) {
    const buffer: JsMsg[] = [];
    const arrived = new Alarm();
    let ended = false;
    let failure: unknown;
    const pump = (async () => {
      try {
        for await (const msg of source) {
          buffer.push(msg);
          lastPending = msg.info.pending;
          arrived.ring();
        }
      } catch (error) {
        failure = error;
      } finally {
        ended = true;
        arrived.ring();
      }
    })();
    const handling = new Set<Promise<void>>();
    // Alone, a batch is whatever arrived; beside another only a full one, or the second
    // slot would take a message or two and the backlog wait behind it.
    const ready = () =>
      handling.size === 0
        ? buffer.length > 0
        : handling.size < concurrency && buffer.length >= batchSize;
    try {
      while (!stopped) {
        if (ready()) {
          const handled: Promise<void> = options
            .handle(buffer.splice(0, batchSize))
            // `handle` must not throw; one that does is logged, never left to crash the process
            .catch((error: unknown) =>
              log.error({ consumer: name, err: error }, 'batch handler threw'),
            )
            .finally(() => {
              handling.delete(handled);
              arrived.ring();
            });
          handling.add(handled);
        } else if (ended && buffer.length === 0 && handling.size === 0) break;
        // a message arriving or a batch done rings
        else await arrived.sleep(60_000);
      }
    } finally {
      await Promise.all(handling);
      await source.close();
      await pump;
    }
    if (failure) throw failure;
  }

  const loop = (async () => {
    let failures = 0;
    while (!stopped) {
      try {
        jsm ??= await js.jetstreamManager();
        const start = await ensureConsumer(jsm);
        options.started?.(start);
        const consumer = await js.consumers.get(stream, name);
        messages = await consumer.consume({
          max_messages: Math.min(batchSize, maxAckPending),
          // A consumer or stream gone (deleted, a lost store) ends the read: the loop makes it again.
          abort_on_missing_resource: true,
        });
        readBefore = true;
        watch(messages);
        // Stopped while subscribing: nothing would end the wait for the first message.
        if (stopped) break;
        failures = 0;
        await drain(messages);
      } catch (error) {
        if (stopped) break;
        failures += 1;
        log.warn({ consumer: name, err: error, failures }, 'durable consumer failed');
      }
      await halt.sleep(backoffMs(failures + 1));
    }
    await messages?.close();
  })();

  return {
    async pending() {
      if (!jsm) return lastPending;
      try {
        const info = await within(jsm.consumers.info(stream, name), 1_000);
        return info.num_pending + info.num_ack_pending;
      } catch {
        return lastPending;
      }
    },
    health: () => ({ ...health }),
    async stop() {
      stopped = true;
      clearInterval(checking);
      halt.ring();
      await messages?.close();
      await loop;
    },
  };
}
