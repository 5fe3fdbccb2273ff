import type { ReplicationHandler } from '@huishang/subgraph-kit/bus';
import { replaceDutyRecords } from '../data/duty.js';
import { type DutySource, deriveDutyRecords, dutySources } from '../domain/duty-records.js';
import type { Prisma } from '../generated/prisma/client.js';

/**
 * Duty records from this node's own proposals, consultations, opinion items and
 * supervision tasks. The kit's consumer hands over a batch with the newest event of each
 * record, each newer than the version last applied, in one transaction with its position;
 * the records of those sources are then replaced by what their snapshots imply (one
 * delete and one insert for the batch), so a replay changes nothing.
 */
export const dutyDerivation: ReplicationHandler<Prisma.TransactionClient> = {
  aggregates: [...dutySources],
  apply: (tx, events) =>
    replaceDutyRecords(
      tx,
      events.map((event) => {
        const source = event.aggregate.type as DutySource;
        const snapshot = event.payload.snapshot as Record<string, unknown>;
        return {
          source: { type: source, id: event.aggregate.id },
          records: deriveDutyRecords(source, snapshot),
        };
      }),
    ),
};
