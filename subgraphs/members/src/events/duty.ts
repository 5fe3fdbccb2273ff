import { schemaOf } from '@huishang/subgraph-kit';
import type { ReplicationHandler } from '@huishang/subgraph-kit/bus';
import { refreshDutySummaries, replaceDutyRecords } from '../data/duty.js';
import { type DutySource, deriveDutyRecords, dutySources } from '../domain/duty-records.js';
import type { Prisma } from '../generated/prisma/client.js';

/**
 * Duty records from this node's own proposals, consultations, opinion items and
 * supervision tasks. The kit's consumer hands over a batch with the newest event of each
 * record, each newer than the version last applied, in one transaction with its position;
 * the records of those sources are then replaced by what their snapshots imply (one
 * delete and one insert for the batch), so a replay changes nothing, and the summaries of
 * the members touched are refreshed and published in the same transaction.
 */
export const dutyDerivation: ReplicationHandler<Prisma.TransactionClient> = {
  aggregates: [...dutySources],
  async apply(tx, events) {
    const [first] = events;
    if (!first) return;
    const touched = await replaceDutyRecords(
      tx,
      events.map((event) => {
        const source = event.aggregate.type as DutySource;
        const snapshot = event.payload.snapshot as Record<string, unknown>;
        return {
          source: { type: source, id: event.aggregate.id },
          records: deriveDutyRecords(source, snapshot),
        };
      }),
    );
    // the node's own events: their origin is the node, whose members' summaries these are
    await refreshDutySummaries(tx, { schema: schemaOf(tx), origin: first.originRegion }, touched);
  },
};
