import type { ReplicationHandler } from '@huishang/subgraph-kit/bus';
import {
  type JointSessionSnapshot,
  jointSessionFromSnapshot,
} from '../domain/joint-session-snapshot.js';
import type { Prisma } from '../generated/prisma/client.js';

/**
 * Keeps replicas of joint sessions owned elsewhere (below this node, or hosted in another
 * province with a party here): the snapshot replaces the session and all its parties, the
 * owner's version included.
 */
export const jointSessionReplication: ReplicationHandler<Prisma.TransactionClient> = {
  aggregates: ['joint-session'],
  async apply(tx, events) {
    for (const event of events) {
      const { session, parties } = jointSessionFromSnapshot(
        event.payload.snapshot as JointSessionSnapshot,
      );
      await tx.jointSession.upsert({ where: { id: session.id }, create: session, update: session });
      await tx.jointParty.deleteMany({ where: { jointSessionId: session.id } });
      await tx.jointParty.createMany({
        data: parties.map((p) => ({ jointSessionId: session.id, ...p })),
      });
    }
  },
};
