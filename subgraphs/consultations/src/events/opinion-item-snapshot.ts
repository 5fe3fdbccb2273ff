import type { EventName, NewEvent } from '@huishang/schema';
import { isoDate, isoTime } from '@huishang/subgraph-kit';
import type {
  OpinionNature,
  OpinionRoute,
  OpinionStatus,
  Satisfaction,
} from '../generated/prisma/enums.js';
import type { Serialised } from './serialised.js';

export interface OpinionItemRow {
  id: string;
  region: string;
  title: string;
  body: string;
  category: string;
  place: string | null;
  submitterId: string | null;
  status: OpinionStatus;
  route: OpinionRoute | null;
  nature: OpinionNature | null;
  rejectionReason: string | null;
  department: string | null;
  deadline: Date | null;
  topicTitle: string | null;
  topicId: string | null;
  routedTo: string | null;
  sourceRegion: string | null;
  sourceItemId: string | null;
  handling: string | null;
  answer: string | null;
  satisfaction: Satisfaction | null;
  dispatchedAt: Date | null;
  closedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** An opinion item as events carry it (`events/snapshots/opinion-item.schema.json`). */
export type OpinionItemSnapshot = Serialised<OpinionItemRow>;

/** Its events' names, from the contract's one list (`eventNames`). */
export type OpinionItemEventName = EventName<'opinion-item'>;

const isoTimeOrNull = (date: Date | null) => (date ? isoTime(date) : null);
const dateOrNull = (iso: string | null) => (iso === null ? null : new Date(iso));

export const opinionItemSnapshot = (row: OpinionItemRow): OpinionItemSnapshot => ({
  id: row.id,
  region: row.region,
  title: row.title,
  body: row.body,
  category: row.category,
  place: row.place,
  submitterId: row.submitterId,
  status: row.status,
  route: row.route,
  nature: row.nature,
  rejectionReason: row.rejectionReason,
  department: row.department,
  deadline: isoDate(row.deadline),
  topicTitle: row.topicTitle,
  topicId: row.topicId,
  routedTo: row.routedTo,
  sourceRegion: row.sourceRegion,
  sourceItemId: row.sourceItemId,
  handling: row.handling,
  answer: row.answer,
  satisfaction: row.satisfaction,
  dispatchedAt: isoTimeOrNull(row.dispatchedAt),
  closedAt: isoTimeOrNull(row.closedAt),
  version: row.version,
  createdAt: isoTime(row.createdAt),
  updatedAt: isoTime(row.updatedAt),
});

export const opinionItemRowOf = (snapshot: OpinionItemSnapshot): OpinionItemRow => ({
  ...snapshot,
  deadline: snapshot.deadline === null ? null : new Date(`${snapshot.deadline}T00:00:00Z`),
  dispatchedAt: dateOrNull(snapshot.dispatchedAt),
  closedAt: dateOrNull(snapshot.closedAt),
  createdAt: new Date(snapshot.createdAt),
  updatedAt: new Date(snapshot.updatedAt),
});

export const opinionItemEvent = (
  name: OpinionItemEventName,
  row: OpinionItemRow,
): NewEvent<{ snapshot: OpinionItemSnapshot }> => ({
  type: `opinion-item.${name}`,
  aggregate: { type: 'opinion-item', id: row.id, version: row.version },
  payload: { snapshot: opinionItemSnapshot(row) },
});
