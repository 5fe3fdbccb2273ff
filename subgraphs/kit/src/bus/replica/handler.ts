import type { AggregateType, EventEnvelope } from '@huishang/schema';

/**
 * How a subgraph keeps replicas of records owned below it: for each aggregate it owns,
 * `apply` writes the events' snapshots (records and children) into the local tables,
 * replacing what was there. The kit calls it once per batch of deliveries, inside the
 * batch's transaction, with one event per aggregate (the newest of the batch), each newer
 * than its replica, and stores the consumer's position in the same transaction; so a
 * handler writes with multi-row statements, never row by row.
 */
export interface ReplicationHandler<Tx = unknown> {
  aggregates: AggregateType[];
  apply(tx: Tx, events: EventEnvelope[]): Promise<void>;
  /**
   * What `apply` would write, built before the transaction: the kit builds the next batch
   * while the database writes the one before, and runs the returned write in place of
   * `apply` when every event turns out newer than its replica. It sees events that will
   * not apply (older, or another owner's), so it must be pure and must not throw.
   */
  prepare?(events: EventEnvelope[]): PreparedWrite<Tx>;
}

/** A batch's rows, built; `write` runs their statements inside the batch's transaction. */
export interface PreparedWrite<Tx = unknown> {
  write(tx: Tx): Promise<void>;
}
