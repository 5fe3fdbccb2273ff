import type { AggregateType, EventEnvelope } from '@huishang/schema';
import { groupBy } from '@huishang/subgraph-kit';
import type { ReplicationHandler } from '@huishang/subgraph-kit/bus';
import {
  replaceConsultations,
  replaceOpinionItems,
  replaceSupervisionTasks,
  replaceTopics,
} from '../data/replicas.js';
import type { Prisma } from '../generated/prisma/client.js';
import { type ConsultationSnapshot, consultationRowsOf } from './consultation-snapshot.js';
import { type OpinionItemSnapshot, opinionItemRowOf } from './opinion-item-snapshot.js';
import { type SupervisionTaskSnapshot, supervisionTaskRowOf } from './supervision-task-snapshot.js';
import { type TopicSnapshot, topicRowOf } from './topic-snapshot.js';

const aggregates = [
  'consultation',
  'consultation-topic',
  'supervision-task',
  'opinion-item',
] as const satisfies AggregateType[];

/**
 * Keeps replicas of consultations, supervision tasks and opinion items owned below this
 * node: the batch's snapshots, grouped by kind, replace the records (and a consultation's
 * participants, suggestions, recipients and evaluations), so a replica reads exactly as
 * the owner's does. Each kind present is written with the same statements whatever its
 * number: an upsert, and for consultations a delete and an insert per child table.
 */
export const consultationsReplication: ReplicationHandler<Prisma.TransactionClient> = {
  aggregates: [...aggregates],
  async apply(tx, events) {
    const byType = groupBy(events, (event) => event.aggregate.type);
    const unknown = [...byType.keys()].find((type) => !(aggregates as string[]).includes(type));
    if (unknown) throw new Error(`consultations do not replicate ${unknown}`);
    const snapshots = <S>(type: AggregateType) =>
      (byType.get(type) ?? []).map((event: EventEnvelope) => event.payload.snapshot as S);
    await replaceConsultations(
      tx,
      snapshots<ConsultationSnapshot>('consultation').map(consultationRowsOf),
    );
    await replaceTopics(tx, snapshots<TopicSnapshot>('consultation-topic').map(topicRowOf));
    await replaceSupervisionTasks(
      tx,
      snapshots<SupervisionTaskSnapshot>('supervision-task').map(supervisionTaskRowOf),
    );
    await replaceOpinionItems(
      tx,
      snapshots<OpinionItemSnapshot>('opinion-item').map(opinionItemRowOf),
    );
  },
};
