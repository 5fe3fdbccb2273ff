import {
  changeVersioned,
  holdPendingSlot,
  newAggregateId,
  type OutboxAddress,
  versionedTable,
} from '@huishang/subgraph-kit';
import { recordEvent } from '@huishang/subgraph-kit/bus';
import type { Decision, TopicFields } from '../domain/topics.js';
import { TopicDecidedError } from '../errors.js';
import { type TopicEventName, topicEvent } from '../events/topic-snapshot.js';
import type { ConsultationTopic, Prisma, PrismaClient } from '../generated/prisma/client.js';
import type { TopicStatus } from '../generated/prisma/enums.js';
import { scopedPage, scopedWhere } from './scoped-page.js';

export type { ConsultationTopic };

export interface TopicFilter {
  region: string;
  includeSubregions?: boolean | null;
  /** Statuses the caller may see (the public: APPROVED only). */
  statuses: TopicStatus[];
  planYear?: number | null;
}

const filterOf = (filter: TopicFilter) => ({
  status: { in: filter.statuses },
  ...(filter.planYear ? { planYear: filter.planYear } : {}),
});

export const findTopicsByIds = (db: PrismaClient, ids: string[]) =>
  db.consultationTopic.findMany({ where: { id: { in: ids } } });

export const listTopics = (
  db: PrismaClient,
  filter: TopicFilter,
  idBefore: { lt: string } | undefined,
  take: number,
) => db.consultationTopic.findMany(scopedPage(filter, filterOf(filter), idBefore, take));

export const countTopics = (db: PrismaClient, filter: TopicFilter) =>
  db.consultationTopic.count({ where: scopedWhere(filter, filterOf(filter)) });

/** The approved 请你来协商 topics of a year's 6+X plan, in the order they were submitted. */
export const plannedTopics = (db: PrismaClient, region: string, year: number) =>
  db.consultationTopic.findMany({
    where: { region, status: 'APPROVED', planYear: year, platform: 'PLEASE_COME_AND_CONSULT' },
    orderBy: { id: 'asc' },
  });

/**
 * Stores a submitted topic with its `consultation-topic.submitted` event in the caller's
 * transaction (an opinion item routed to a topic, say).
 */
export async function insertTopic(
  tx: Prisma.TransactionClient,
  sink: OutboxAddress,
  region: string,
  fields: TopicFields & { sourceKey?: string },
): Promise<ConsultationTopic> {
  const topic = await tx.consultationTopic.create({
    data: { id: newAggregateId(sink.origin), region, ...fields },
  });
  await recordEvent(tx, sink, topicEvent('submitted', topic));
  return topic;
}

/** Stores a submitted topic with its `consultation-topic.submitted` event. */
/**
 * Stores a submitted topic; one from a source (`sourceKey`, a public suggestion's sender)
 * that already has `pendingPerSource` topics waiting is refused, and nothing is written.
 */
export const submitTopic = (
  db: PrismaClient,
  sink: OutboxAddress,
  region: string,
  fields: TopicFields,
  sourceKey?: string,
): Promise<ConsultationTopic> =>
  db.$transaction(async (tx) => {
    if (sourceKey)
      await holdPendingSlot(
        tx,
        { schema: sink.schema, table: 'consultation_topic', region },
        sourceKey,
      );
    return insertTopic(tx, sink, region, { ...fields, ...(sourceKey && { sourceKey }) });
  });

const topicTable = versionedTable(
  'ConsultationTopic',
  (tx: Prisma.TransactionClient) => tx.consultationTopic,
);

/**
 * The chair's meeting's decision, one version on: written only if the topic is still
 * pending at the version the decision was made on (the kit's `changeVersioned`), so of two
 * racing decisions the second is refused, naming the state the first left, and only one
 * event is recorded.
 */
export const decideTopic = (
  db: PrismaClient,
  sink: OutboxAddress,
  topic: { id: string; version: number },
  decision: Decision,
  decidedAt: Date,
): Promise<ConsultationTopic> =>
  db.$transaction((tx) =>
    changeVersioned(tx, topicTable, {
      id: topic.id,
      readAt: topic.version,
      plan(locked) {
        if (locked.status !== 'PENDING') throw new TopicDecidedError(topic.id, locked.status);
        return { fields: { ...decision, decidedAt } };
      },
      async record(t, row) {
        const name: TopicEventName = decision.status === 'APPROVED' ? 'approved' : 'rejected';
        await recordEvent(t, sink, topicEvent(name, row));
        return row;
      },
    }),
  );
