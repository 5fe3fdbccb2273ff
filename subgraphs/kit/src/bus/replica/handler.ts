import type { AggregateType, EventEnvelope } from '@huishang/schema';

/**
 * How a subgraph keeps replicas of records owned below it: for each aggregate it owns,
 * `apply` writes the event's snapshot (record and children) into the local tables,
 * replacing what was there. The kit calls it inside a transaction, only for an event
 * newer than the replica, and stores the consumer's position in the same transaction.
 */
export interface ReplicationHandler<Tx = unknown> {
  aggregates: AggregateType[];
  apply(tx: Tx, event: EventEnvelope): Promise<void>;
}
