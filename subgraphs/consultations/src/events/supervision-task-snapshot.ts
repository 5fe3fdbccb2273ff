import type { NewEvent } from '@huishang/schema';
import { isoDate, isoTime } from '@huishang/subgraph-kit';
import type { SupervisionSource, SupervisionStatus } from '../generated/prisma/enums.js';
import type { Serialised } from './serialised.js';

export interface SupervisionTaskRow {
  id: string;
  region: string;
  title: string;
  source: SupervisionSource;
  committee: string;
  status: SupervisionStatus;
  deadline: Date | null;
  version: number;
  createdAt: Date;
}

/** A supervision task as events carry it (`events/snapshots/supervision-task.schema.json`). */
export type SupervisionTaskSnapshot = Serialised<SupervisionTaskRow>;

export const supervisionTaskSnapshot = (row: SupervisionTaskRow): SupervisionTaskSnapshot => ({
  id: row.id,
  region: row.region,
  title: row.title,
  source: row.source,
  committee: row.committee,
  status: row.status,
  deadline: isoDate(row.deadline),
  version: row.version,
  createdAt: isoTime(row.createdAt),
});

export const supervisionTaskRowOf = (snapshot: SupervisionTaskSnapshot): SupervisionTaskRow => ({
  ...snapshot,
  deadline: snapshot.deadline === null ? null : new Date(`${snapshot.deadline}T00:00:00Z`),
  createdAt: new Date(snapshot.createdAt),
});

export const supervisionTaskEvent = (
  name: 'created',
  row: SupervisionTaskRow,
): NewEvent<{ snapshot: SupervisionTaskSnapshot }> => ({
  type: `supervision-task.${name}`,
  aggregate: { type: 'supervision-task', id: row.id, version: row.version },
  payload: { snapshot: supervisionTaskSnapshot(row) },
});
