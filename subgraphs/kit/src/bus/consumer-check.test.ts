import { AckPolicy, type ConsumerConfig, DeliverPolicy } from '@nats-io/jetstream';
import { describe, expect, it } from 'vitest';
import {
  isStalled,
  mismatchOf,
  noProgressYet,
  progressAfter,
  stallChecks,
} from './consumer-check.js';

const filter = 'cppcc.evt.330000.330500.*.proposal.*';
const config = (changes: Partial<ConsumerConfig> = {}) =>
  ({
    durable_name: 'proposals_330500-proposal',
    filter_subject: filter,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    ...changes,
  }) as ConsumerConfig;
const check = (floor: number, pending: number) => ({
  num_pending: pending,
  num_ack_pending: 0,
  ack_floor: { stream_seq: floor, consumer_seq: floor },
});

describe('checking a consumer on the server', () => {
  it('names how its configuration differs from the one the node runs', () => {
    expect(mismatchOf(config(), filter)).toBeNull();
    expect(
      mismatchOf(config({ filter_subject: 'cppcc.evt.330000.330500.330503.proposal.*' }), filter),
    ).toBe(`reads cppcc.evt.330000.330500.330503.proposal.*, not ${filter}`);
    expect(mismatchOf(config({ ack_policy: AckPolicy.None }), filter)).toBe(
      'acknowledges none, not explicit',
    );
    expect(mismatchOf(config({ deliver_policy: DeliverPolicy.New }), filter)).toBe(
      'delivers new, not all',
    );
  });

  it('calls it stalled when messages wait and its floor has not moved for several checks', () => {
    let progress = progressAfter(noProgressYet, check(10, 5));
    for (let n = 1; n < stallChecks; n++) progress = progressAfter(progress, check(10, 5));
    expect(isStalled(progress)).toBe(false);
    progress = progressAfter(progress, check(10, 5));
    expect(isStalled(progress)).toBe(true);
    // It moves on, or nothing waits: not stalled.
    expect(isStalled(progressAfter(progress, check(11, 4)))).toBe(false);
    expect(isStalled(progressAfter(progress, check(10, 0)))).toBe(false);
  });
});
