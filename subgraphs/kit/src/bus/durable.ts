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
import { Alarm, backoffMs } from './alarm.js';
import type { BusLog } from './bus-log.js';

export interface DurableOptions {
  js: JetStreamClient;
  stream: string;
  /** Durable consumer name, unique per region schema and purpose. */
  name: string;
  filter: string;
  log: BusLog;
  /** Messages delivered and not yet acknowledged, at most. @default 1000 */
  maxAckPending?: number;
  /** Messages handed to `handle` at a time, at most. @default 500 */
  batchSize?: number;
  /**
   * Handles the messages that arrived since the last call, in stream order, acknowledging
   * or nak'ing each; must not throw.
   */
  handle(batch: JsMsg[]): Promise<void>;
  /** Called each time the consumer had to be created: a new node, a deleted consumer, a lost store. */
  created?(): void;
}

export interface Durable {
  /** Messages not yet acknowledged: the server's count, or the last one seen when it cannot answer. */
  pending(): Promise<number | null>;
  /** Stops after the batch in hand; unacknowledged messages are redelivered later. */
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
  const halt = new Alarm();
  let stopped = false;
  let messages: ConsumerMessages | undefined;
  let jsm: JetStreamManager | undefined;
  let lastPending: number | null = null;

  async function ensureConsumer(manager: JetStreamManager) {
    try {
      const info = await manager.consumers.info(stream, name);
      if (info.config.filter_subject !== filter)
        log.error(
          { consumer: name, filter: info.config.filter_subject, expected: filter },
          'durable consumer reads another filter',
        );
      else if (info.config.max_ack_pending !== maxAckPending)
        await manager.consumers.update(stream, name, { max_ack_pending: maxAckPending });
    } catch (error) {
      if (!isNotFound(error)) throw error;
      await manager.consumers.add(stream, {
        durable_name: name,
        filter_subject: filter,
        deliver_policy: DeliverPolicy.All,
        ack_policy: AckPolicy.Explicit,
        ack_wait: nanos(30_000),
        max_ack_pending: maxAckPending,
      });
      options.created?.();
    }
  }

  /** Reads messages into a buffer while the batch before is handled. */
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
    while (!stopped) {
      if (buffer.length === 0) {
        if (ended) break;
        await arrived.sleep(60_000);
        continue;
      }
      await options.handle(buffer.splice(0, batchSize));
    }
    await source.close();
    await pump;
    if (failure) throw failure;
  }

  const loop = (async () => {
    let failures = 0;
    while (!stopped) {
      try {
        jsm ??= await js.jetstreamManager();
        await ensureConsumer(jsm);
        const consumer = await js.consumers.get(stream, name);
        messages = await consumer.consume({ max_messages: Math.min(batchSize, maxAckPending) });
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
    async stop() {
      stopped = true;
      halt.ring();
      await messages?.close();
      await loop;
    },
  };
}
