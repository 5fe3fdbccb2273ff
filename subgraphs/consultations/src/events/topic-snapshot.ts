import type { EventName, NewEvent } from '@huishang/schema';
import { isoTime } from '@huishang/subgraph-kit';
import type {
  ConsultationLead,
  ConsultationPlatform,
  TopicSource,
  TopicStatus,
} from '../generated/prisma/enums.js';
import type { Serialised } from './serialised.js';

/** A topic row as `data/` stores it. */
export interface TopicRow {
  id: string;
  region: string;
  title: string;
  description: string | null;
  source: TopicSource;
  proposedBy: string | null;
  status: TopicStatus;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
  planYear: number | null;
  platform: ConsultationPlatform | null;
  lead: ConsultationLead | null;
  version: number;
  createdAt: Date;
}

/** The topic as events carry it (`events/snapshots/consultation-topic.schema.json`). */
export type TopicSnapshot = Serialised<TopicRow>;

/** Its events' names, from the contract's one list (`eventNames`). */
export type TopicEventName = EventName<'consultation-topic'>;

export const topicSnapshot = (row: TopicRow): TopicSnapshot => ({
  id: row.id,
  region: row.region,
  title: row.title,
  description: row.description,
  source: row.source,
  proposedBy: row.proposedBy,
  status: row.status,
  decidedBy: row.decidedBy,
  decidedAt: row.decidedAt && isoTime(row.decidedAt),
  decisionNote: row.decisionNote,
  planYear: row.planYear,
  platform: row.platform,
  lead: row.lead,
  version: row.version,
  createdAt: isoTime(row.createdAt),
});

export const topicRowOf = (snapshot: TopicSnapshot): TopicRow => ({
  ...snapshot,
  decidedAt: snapshot.decidedAt === null ? null : new Date(snapshot.decidedAt),
  createdAt: new Date(snapshot.createdAt),
});

export const topicEvent = (
  name: TopicEventName,
  row: TopicRow,
): NewEvent<{ snapshot: TopicSnapshot }> => ({
  type: `consultation-topic.${name}`,
  aggregate: { type: 'consultation-topic', id: row.id, version: row.version },
  payload: { snapshot: topicSnapshot(row) },
});
