import type { ReplicationHandler } from '@huishang/subgraph-kit';
import { type MemberSnapshot, memberFromSnapshot } from '../domain/member-snapshot.js';
import type { Prisma } from '../generated/prisma/client.js';

/**
 * Keeps replicas of members owned below this node: the snapshot replaces the record, the
 * owner's version included, so the replica reads exactly as the owner's does.
 */
export const memberReplication: ReplicationHandler<Prisma.TransactionClient> = {
  aggregates: ['member'],
  async apply(tx, event) {
    const member = memberFromSnapshot(event.payload.snapshot as MemberSnapshot);
    await tx.member.upsert({ where: { id: member.id }, create: member, update: member });
  },
};
