import type { ConsultationRows } from '../events/consultation-snapshot.js';
import type { OpinionItemRow } from '../events/opinion-item-snapshot.js';
import type { SupervisionTaskRow } from '../events/supervision-task-snapshot.js';
import type { TopicRow } from '../events/topic-snapshot.js';
import type { Prisma } from '../generated/prisma/client.js';

/**
 * Stores a replica of a consultation owned below this node: the record with the owner's
 * version, and its participants and suggestions replacing whatever was there.
 */
export async function replaceConsultation(tx: Prisma.TransactionClient, rows: ConsultationRows) {
  const { participants, suggestions, recipients, evaluations, ...record } = rows;
  const consultationId = record.id;
  await tx.consultation.upsert({ where: { id: consultationId }, create: record, update: record });
  await tx.participant.deleteMany({ where: { consultationId } });
  await tx.suggestion.deleteMany({ where: { consultationId } });
  await tx.minutesRecipient.deleteMany({ where: { consultationId } });
  await tx.consultationEvaluation.deleteMany({ where: { consultationId } });
  await tx.participant.createMany({ data: participants.map((p) => ({ consultationId, ...p })) });
  await tx.suggestion.createMany({ data: suggestions.map((s) => ({ consultationId, ...s })) });
  await tx.minutesRecipient.createMany({ data: recipients.map((r) => ({ consultationId, ...r })) });
  await tx.consultationEvaluation.createMany({
    data: evaluations.map((e) => ({ consultationId, ...e })),
  });
}

export const replaceTopic = (tx: Prisma.TransactionClient, row: TopicRow) =>
  tx.consultationTopic.upsert({ where: { id: row.id }, create: row, update: row });

export function replaceSupervisionTask(tx: Prisma.TransactionClient, task: SupervisionTaskRow) {
  const row = { ...task, steps: task.steps as unknown as Prisma.InputJsonValue };
  return tx.supervisionTask.upsert({ where: { id: row.id }, create: row, update: row });
}

export const replaceOpinionItem = (tx: Prisma.TransactionClient, row: OpinionItemRow) =>
  tx.opinionItem.upsert({ where: { id: row.id }, create: row, update: row });
