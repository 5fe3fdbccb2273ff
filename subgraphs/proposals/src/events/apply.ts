import type { EventEnvelope } from '@huishang/schema';
import type { ReplicationHandler } from '@huishang/subgraph-kit/bus';
import { prepareProposals } from '../data/replicas.js';
import type { Prisma } from '../generated/prisma/client.js';
import { type ProposalSnapshot, proposalRowsOf } from './proposal-snapshot.js';

const prepare = (events: EventEnvelope[]) =>
  prepareProposals(
    events.map((event) => proposalRowsOf(event.payload.snapshot as ProposalSnapshot)),
  );

/**
 * Keeps replicas of proposals owned below this node: the batch's snapshots replace the
 * records and their children, so a replica reads exactly as the owner's does (案号 and
 * colour included) while writes stay with the owner. A batch of any size is written with
 * the same statements: one upsert, and a delete and an insert per child table.
 */
export const proposalReplication: ReplicationHandler<Prisma.TransactionClient> = {
  aggregates: ['proposal'],
  apply: (tx, events) => prepare(events).write(tx),
  prepare,
};
