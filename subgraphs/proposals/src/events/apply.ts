import type { ReplicationHandler } from '@huishang/subgraph-kit/bus';
import { replaceProposal } from '../data/replicas.js';
import type { Prisma } from '../generated/prisma/client.js';
import { type ProposalSnapshot, proposalRowsOf } from './proposal-snapshot.js';

/**
 * Keeps replicas of proposals owned below this node: each event's snapshot replaces the
 * record and its children, so the replica reads exactly as the owner's does (案号 and
 * colour included) while writes stay with the owner.
 */
export const proposalReplication: ReplicationHandler<Prisma.TransactionClient> = {
  aggregates: ['proposal'],
  async apply(tx, events) {
    for (const event of events) {
      await replaceProposal(tx, proposalRowsOf(event.payload.snapshot as ProposalSnapshot));
    }
  },
};
