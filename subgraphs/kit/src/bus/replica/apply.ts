import type { EventEnvelope } from '@huishang/schema';
import type { RawSql, RegionClient } from '../../raw-sql.js';
import { type Parked, park } from '../dead-letter.js';
import type { PreparedWrite, ReplicationHandler } from './handler.js';
import { aggregateKey, claimVersions, knownOwners, recordPosition } from './sql.js';
import type { Verdict } from './verdict.js';

/** Where a message came from: the consumer's position, and what a parked one keeps. */
export interface Delivery {
  consumer: string;
  subject: string;
  seq: number;
  data: string;
}

/** A delivered message with what the verdict made of it. */
export interface Judged {
  delivery: Delivery;
  verdict: Verdict;
}

/** What one batch did. */
export interface BatchOutcome {
  /** Events whose aggregate moved forward: one per aggregate, the newest of the batch. */
  applied: EventEnvelope[];
  /** Valid events that changed nothing: older than the replica, superseded in the batch, not kept. */
  skipped: number;
  parked: Parked[];
}

export interface ApplyOptions {
  /**
   * Settles when the batch before has been written: this one's rows are built first, its
   * transaction begins after, so batches commit in order while the work overlaps.
   */
  after?: Promise<unknown>;
}

/** A big batch may take a while; Prisma's default of 5 s would cut it off as a failure. */
const transactionOptions = { maxWait: 10_000, timeout: 60_000 };

const parkedOf = (delivery: Delivery, reason: string): Parked => ({ ...delivery, reason });

/** Applies events naming distinct aggregates; those another owner holds are parked. */
async function applyDistinct(
  tx: RawSql,
  schema: string,
  handler: ReplicationHandler,
  items: { event: EventEnvelope; delivery: Delivery }[],
  outcome: BatchOutcome,
  prepared?: PreparedWrite,
) {
  const events = items.map((i) => i.event);
  const claimed = await claimVersions(tx, schema, events);
  const newer = events.filter((e) => claimed.has(aggregateKey(e)));
  if (prepared && newer.length === events.length) await prepared.write(tx);
  else if (newer.length > 0) await handler.apply(tx, newer);
  outcome.applied.push(...newer);
  const stale = items.filter((i) => !claimed.has(aggregateKey(i.event)));
  const owners = await knownOwners(
    tx,
    schema,
    stale.map((i) => i.event),
  );
  for (const { event, delivery } of stale) {
    const owner = owners.get(aggregateKey(event));
    if (owner && owner !== event.originRegion)
      outcome.parked.push(
        parkedOf(
          delivery,
          `${event.aggregate.type} ${event.aggregate.id} belongs to ${owner}, not ${event.originRegion}`,
        ),
      );
    else outcome.skipped += 1;
  }
}

/**
 * Applies a batch of judged deliveries of one consumer in ONE transaction that also parks
 * what cannot be trusted and stores the consumer's position: several versions of one
 * aggregate coalesce into the newest (events carry whole snapshots), and the handler gets
 * the newer ones in one call. An aggregate that two origins claim within the batch (only a
 * hostile node makes that happen) is applied event by event, so the genuine owner's events
 * are never hidden behind a forged newer version. Throws when the transaction fails: then
 * nothing of the batch is kept.
 */
export async function applyReplicaBatch(
  client: RegionClient,
  schema: string,
  handler: ReplicationHandler,
  judged: Judged[],
  options: ApplyOptions = {},
): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { applied: [], skipped: 0, parked: [] };
  const newest = new Map<string, { event: EventEnvelope; delivery: Delivery }>();
  const origins = new Map<string, Set<string>>();
  const kept: { event: EventEnvelope; delivery: Delivery }[] = [];
  for (const { delivery, verdict } of judged) {
    if (!verdict.ok) outcome.parked.push(parkedOf(delivery, verdict.reason));
    else if (!verdict.keep) outcome.skipped += 1;
    else {
      const { event } = verdict;
      kept.push({ event, delivery });
      const key = aggregateKey(event);
      origins.set(key, (origins.get(key) ?? new Set()).add(event.originRegion));
      const known = newest.get(key);
      if (!known || known.event.aggregate.version < event.aggregate.version)
        newest.set(key, { event, delivery });
    }
  }
  const contested = (key: string) => (origins.get(key)?.size ?? 0) > 1;
  const together = [...newest.entries()].filter(([key]) => !contested(key)).map(([, i]) => i);
  outcome.skipped += kept.filter((i) => !contested(aggregateKey(i.event))).length - together.length;
  const oneByOne = kept.filter((i) => contested(aggregateKey(i.event)));
  // Redeliveries come after newer messages: the position is the highest, not the last.
  const last = judged.reduce<Delivery | undefined>(
    (high, { delivery }) => (!high || delivery.seq > high.seq ? delivery : high),
    undefined,
  );

  const prepared =
    together.length > 0 ? handler.prepare?.(together.map((i) => i.event)) : undefined;
  await options.after;
  return client.$transaction(async (tx) => {
    await applyDistinct(tx, schema, handler, together, outcome, prepared);
    for (const item of oneByOne) await applyDistinct(tx, schema, handler, [item], outcome);
    await park(tx, schema, outcome.parked);
    if (last) await recordPosition(tx, schema, last.consumer, last.seq);
    return outcome;
  }, transactionOptions);
}

/** Parks one delivery that can never apply, with its position, in a transaction of its own. */
export function parkDelivery(
  client: RegionClient,
  schema: string,
  delivery: Delivery,
  reason: string,
): Promise<void> {
  return client.$transaction(async (tx) => {
    await park(tx, schema, [parkedOf(delivery, reason)]);
    await recordPosition(tx, schema, delivery.consumer, delivery.seq);
  });
}
