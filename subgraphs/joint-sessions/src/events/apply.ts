import { deleteRowsOf, insertRows } from '@huishang/subgraph-kit';
import type { ReplicationHandler } from '@huishang/subgraph-kit/bus';
import {
  type JointSessionSnapshot,
  jointSessionFromSnapshot,
} from '../domain/joint-session-snapshot.js';
import type { Prisma } from '../generated/prisma/client.js';

/**
 * Keeps replicas of joint sessions owned elsewhere (below this node, or hosted in another
 * province with a party here): the snapshots replace the sessions and all their parties,
 * the owners' versions included, in three statements whatever the batch's size.
 */
export const jointSessionReplication: ReplicationHandler<Prisma.TransactionClient> = {
  aggregates: ['joint-session'],
  async apply(tx, events) {
    const states = events.map((event) =>
      jointSessionFromSnapshot(event.payload.snapshot as JointSessionSnapshot),
    );
    await insertRows(
      tx,
      'joint_session',
      states.map((s) => s.session),
      { upsert: { key: ['id'] } },
    );
    const ids = states.map((s) => s.session.id);
    await deleteRowsOf(tx, 'joint_party', 'joint_session_id', ids);
    await insertRows(
      tx,
      'joint_party',
      states.flatMap(({ session, parties }) =>
        parties.map((p) => ({ jointSessionId: session.id, ...p })),
      ),
    );
  },
};
