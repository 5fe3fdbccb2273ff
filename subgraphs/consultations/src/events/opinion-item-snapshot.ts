import type { NewEvent } from '@huishang/schema';
import { isoTime } from '@huishang/subgraph-kit';
import type { OpinionRoute, OpinionStatus } from '../generated/prisma/enums.js';
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
  version: number;
  createdAt: Date;
}

/** An opinion item as events carry it (`events/snapshots/opinion-item.schema.json`). */
export type OpinionItemSnapshot = Serialised<OpinionItemRow>;

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
  version: row.version,
  createdAt: isoTime(row.createdAt),
});

export const opinionItemRowOf = (snapshot: OpinionItemSnapshot): OpinionItemRow => ({
  ...snapshot,
  createdAt: new Date(snapshot.createdAt),
});

export const opinionItemEvent = (
  name: 'submitted',
  row: OpinionItemRow,
): NewEvent<{ snapshot: OpinionItemSnapshot }> => ({
  type: `opinion-item.${name}`,
  aggregate: { type: 'opinion-item', id: row.id, version: row.version },
  payload: { snapshot: opinionItemSnapshot(row) },
});
