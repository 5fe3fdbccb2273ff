import {
  AckPolicy,
  type ConsumerMessages,
  DeliverPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  type JetStreamClient,
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
  /** Handles one message, acknowledging or nak'ing it; must not throw. */
  handle(msg: JsMsg): Promise<void>;
}

export interface Durable {
  /** Stops after the message in hand; unacknowledged ones are redelivered later. */
  stop(): Promise<void>;
}

const isNotFound = (error: unknown) =>
  error instanceof JetStreamApiError && error.code === JetStreamApiCodes.ConsumerNotFound;

/**
 * Reads a durable pull consumer (created when missing: everything in the stream, explicit
 * acks) one message at a time, and comes back after NATS outages or a deleted consumer.
 * Delivering everything is what lets an owner that was offline, or new, find the commands
 * that waited for it.
 */
export function runDurable(options: DurableOptions): Durable {
  const { js, stream, name, filter, log } = options;
  const halt = new Alarm();
  let stopped = false;
  let messages: ConsumerMessages | undefined;

  async function ensureConsumer() {
    const jsm = await js.jetstreamManager();
    try {
      await jsm.consumers.info(stream, name);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      await jsm.consumers.add(stream, {
        durable_name: name,
        filter_subject: filter,
        deliver_policy: DeliverPolicy.All,
        ack_policy: AckPolicy.Explicit,
        ack_wait: nanos(30_000),
        max_ack_pending: 100,
      });
    }
  }

  const loop = (async () => {
    let failures = 0;
    while (!stopped) {
      try {
        await ensureConsumer();
        const consumer = await js.consumers.get(stream, name);
        messages = await consumer.consume({ max_messages: 100 });
        // Stopped while subscribing: nothing would end the wait for the first message.
        if (stopped) break;
        failures = 0;
        for await (const msg of messages) {
          await options.handle(msg);
          if (stopped) break;
        }
      } catch (error) {
        if (stopped) break;
        failures += 1;
        log.warn({ consumer: name, err: error, failures }, 'command consumer failed');
      }
      await halt.sleep(backoffMs(failures + 1));
    }
    await messages?.close();
  })();

  return {
    async stop() {
      stopped = true;
      halt.ring();
      await messages?.close();
      await loop;
    },
  };
}
