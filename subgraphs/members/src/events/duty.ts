import type { ReplicationHandler } from '@huishang/subgraph-kit/bus';
import { replaceDutyRecords } from '../data/duty.js';
import { type DutySource, deriveDutyRecords, dutySources } from '../domain/duty-records.js';
import type { Prisma } from '../generated/prisma/client.js';

/**
 * Duty records from this node's own proposals, consultations, opinion items and
 * supervision tasks. The kit's consumer applies an event only when it is newer than the
 * version last applied for that record, in one transaction with its position; the records
 * of the source are then replaced by what its snapshot implies, so a replay changes nothing.
 */
export const dutyDerivation: ReplicationHandler<Prisma.TransactionClient> = {
  aggregates: [...dutySources],
  async apply(tx, events) {
    for (const event of events) {
      const source = event.aggregate.type as DutySource;
      const snapshot = event.payload.snapshot as Record<string, unknown>;
      await replaceDutyRecords(
        tx,
        { type: source, id: event.aggregate.id },
        deriveDutyRecords(source, snapshot),
      );
    }
  },
};
