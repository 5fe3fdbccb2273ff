import type { EventName, NewEvent } from '@huishang/schema';
import { isoDate, isoTime } from '@huishang/subgraph-kit';
import { type SupervisionState, supervisionOutcome } from '../domain/supervision-lifecycle.js';
import type { SupervisionSource } from '../generated/prisma/enums.js';
import type { Serialised } from './serialised.js';

/** A task's row: the state its lifecycle steps through, and what names the task. */
export interface SupervisionTaskRow extends SupervisionState {
  id: string;
  region: string;
  title: string;
  source: SupervisionSource;
  committee: string;
  caseRef: string | null;
  dispatchedBy: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * A supervision task as events carry it (`events/snapshots/supervision-task.schema.json`):
 * the members who joined it are there for the members subgraph's duty records, and the
 * outcome its steps record for readers of the event.
 */
export type SupervisionTaskSnapshot = Serialised<SupervisionTaskRow> &
  ReturnType<typeof supervisionOutcome>;

/** Its events' names, from the contract's one list (`eventNames`). */
export type SupervisionTaskEventName = EventName<'supervision-task'>;

export const supervisionTaskSnapshot = (row: SupervisionTaskRow): SupervisionTaskSnapshot => ({
  id: row.id,
  region: row.region,
  title: row.title,
  source: row.source,
  committee: row.committee,
  caseRef: row.caseRef,
  status: row.status,
  deadline: isoDate(row.deadline),
  dispatchedBy: row.dispatchedBy,
  handlingUnit: row.handlingUnit,
  ...supervisionOutcome(row.steps),
  memberIds: row.memberIds,
  steps: row.steps,
  version: row.version,
  createdAt: isoTime(row.createdAt),
  updatedAt: isoTime(row.updatedAt),
});

export const supervisionTaskRowOf = ({
  letter: _letter,
  feedback: _feedback,
  reminders: _reminders,
  ...snapshot
}: SupervisionTaskSnapshot): SupervisionTaskRow => ({
  ...snapshot,
  deadline: snapshot.deadline === null ? null : new Date(`${snapshot.deadline}T00:00:00Z`),
  createdAt: new Date(snapshot.createdAt),
  updatedAt: new Date(snapshot.updatedAt),
});

export const supervisionTaskEvent = (
  name: SupervisionTaskEventName,
  row: SupervisionTaskRow,
): NewEvent<{ snapshot: SupervisionTaskSnapshot }> => ({
  type: `supervision-task.${name}`,
  aggregate: { type: 'supervision-task', id: row.id, version: row.version },
  payload: { snapshot: supervisionTaskSnapshot(row) },
});
