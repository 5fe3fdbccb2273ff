import type { ReplicationHandler } from '@huishang/subgraph-kit/bus';
import {
  replaceConsultation,
  replaceOpinionItem,
  replaceSupervisionTask,
  replaceTopic,
} from '../data/replicas.js';
import type { Prisma } from '../generated/prisma/client.js';
import { type ConsultationSnapshot, consultationRowsOf } from './consultation-snapshot.js';
import { type OpinionItemSnapshot, opinionItemRowOf } from './opinion-item-snapshot.js';
import { type SupervisionTaskSnapshot, supervisionTaskRowOf } from './supervision-task-snapshot.js';
import { type TopicSnapshot, topicRowOf } from './topic-snapshot.js';

/**
 * Keeps replicas of consultations, supervision tasks and opinion items owned below this
 * node: each event's snapshot replaces the record (and a consultation's participants and
 * suggestions), so the replica reads exactly as the owner's does.
 */
export const consultationsReplication: ReplicationHandler<Prisma.TransactionClient> = {
  aggregates: ['consultation', 'consultation-topic', 'supervision-task', 'opinion-item'],
  async apply(tx, events) {
    for (const event of events) {
      const { snapshot } = event.payload;
      switch (event.aggregate.type) {
        case 'consultation':
          await replaceConsultation(tx, consultationRowsOf(snapshot as ConsultationSnapshot));
          break;
        case 'consultation-topic':
          await replaceTopic(tx, topicRowOf(snapshot as TopicSnapshot));
          break;
        case 'supervision-task':
          await replaceSupervisionTask(
            tx,
            supervisionTaskRowOf(snapshot as SupervisionTaskSnapshot),
          );
          break;
        case 'opinion-item':
          await replaceOpinionItem(tx, opinionItemRowOf(snapshot as OpinionItemSnapshot));
          break;
        default:
          throw new Error(`consultations do not replicate ${event.aggregate.type}`);
      }
    }
  },
};
