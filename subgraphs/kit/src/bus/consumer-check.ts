import { AckPolicy, type ConsumerConfig, DeliverPolicy } from '@nats-io/jetstream';

/** Checks in a row without progress, while messages wait, that make a consumer stalled. */
export const stallChecks = 4;

/** How a consumer's configuration on the server differs from the one the node runs, if it does. */
export function mismatchOf(config: ConsumerConfig, filter: string): string | null {
  if (config.filter_subject !== filter)
    return `reads ${config.filter_subject ?? 'everything'}, not ${filter}`;
  if (config.ack_policy !== AckPolicy.Explicit)
    return `acknowledges ${config.ack_policy}, not explicit`;
  if (config.deliver_policy !== DeliverPolicy.All)
    return `delivers ${config.deliver_policy}, not all`;
  return null;
}

/** A consumer's progress across checks: its acknowledgement floor, and checks it has not moved. */
export interface Progress {
  floor: number;
  unmoved: number;
}

export const noProgressYet: Progress = { floor: -1, unmoved: 0 };

/** The progress after one more check: unmoved counts only while messages wait. */
export function progressAfter(
  previous: Progress,
  info: { num_pending: number; num_ack_pending: number; ack_floor: { stream_seq: number } },
): Progress {
  const floor = info.ack_floor.stream_seq;
  const waiting = info.num_pending + info.num_ack_pending > 0;
  return { floor, unmoved: waiting && floor === previous.floor ? previous.unmoved + 1 : 0 };
}

export const isStalled = (progress: Progress): boolean => progress.unmoved >= stallChecks;
