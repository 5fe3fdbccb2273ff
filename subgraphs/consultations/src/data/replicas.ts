import { insertRows, type RawSql, replaceRecords } from '@huishang/subgraph-kit';
import type { ConsultationRows } from '../events/consultation-snapshot.js';
import type { OpinionItemRow } from '../events/opinion-item-snapshot.js';
import type { SupervisionTaskRow } from '../events/supervision-task-snapshot.js';
import type { TopicRow } from '../events/topic-snapshot.js';

type ChildField = 'participants' | 'suggestions' | 'recipients' | 'evaluations';

/** Each child list of a consultation and its table. */
const childTables: Record<ChildField, string> = {
  participants: 'participant',
  suggestions: 'suggestion',
  recipients: 'minutes_recipient',
  evaluations: 'consultation_evaluation',
};
const children = Object.entries(childTables) as [ChildField, string][];

const upsertById = { upsert: { key: ['id'] } };

/**
 * Stores replicas of consultations owned below this node, whatever their number in the
 * same three statements (`replaceRecords`): the records with the owners' versions, their
 * child rows replaced.
 */
export function replaceConsultations(tx: RawSql, consultations: ConsultationRows[]) {
  return replaceRecords(
    tx,
    'consultation',
    consultations.map(
      ({ participants, suggestions, recipients, evaluations, ...record }) => record,
    ),
    children.map(([field, table]) => ({
      table,
      column: 'consultation_id',
      rows: consultations.flatMap((c) =>
        c[field].map((child) => ({ consultationId: c.id, ...child })),
      ),
    })),
  );
}

/** Stores replicas of topics, supervision tasks or opinion items: one upsert for all of a kind. */
export const replaceTopics = (tx: RawSql, rows: TopicRow[]) =>
  insertRows(tx, 'consultation_topic', rows, upsertById);

export const replaceSupervisionTasks = (tx: RawSql, rows: SupervisionTaskRow[]) =>
  insertRows(tx, 'supervision_task', rows, upsertById);

export const replaceOpinionItems = (tx: RawSql, rows: OpinionItemRow[]) =>
  insertRows(tx, 'opinion_item', rows, upsertById);
