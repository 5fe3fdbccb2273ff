import type { ConsultationRows } from '../events/consultation-snapshot.js';
import type { OpinionItemRow } from '../events/opinion-item-snapshot.js';
import type { SupervisionTaskRow } from '../events/supervision-task-snapshot.js';
import type { Prisma } from '../generated/prisma/client.js';

/**
 * Stores a replica of a consultation owned below this node: the record with the owner's
 * version, and its participants and suggestions replacing whatever was there.
 */
export async function replaceConsultation(tx: Prisma.TransactionClient, rows: ConsultationRows) {
  const { participants, suggestions, ...record } = rows;
  const consultationId = record.id;
  await tx.consultation.upsert({ where: { id: consultationId }, create: record, update: record });
  await tx.participant.deleteMany({ where: { consultationId } });
  await tx.suggestion.deleteMany({ where: { consultationId } });
  await tx.participant.createMany({ data: participants.map((p) => ({ consultationId, ...p })) });
  await tx.suggestion.createMany({ data: suggestions.map((s) => ({ consultationId, ...s })) });
}

export const replaceSupervisionTask = (tx: Prisma.TransactionClient, row: SupervisionTaskRow) =>
  tx.supervisionTask.upsert({ where: { id: row.id }, create: row, update: row });

export const replaceOpinionItem = (tx: Prisma.TransactionClient, row: OpinionItemRow) =>
  tx.opinionItem.upsert({ where: { id: row.id }, create: row, update: row });
