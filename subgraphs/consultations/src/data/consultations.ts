import { newId } from '@huishang/subgraph-kit';
import type { ConsultationFields } from '../domain/consultation-input.js';
import type { ParticipantFields } from '../domain/participants.js';
import type { SuggestionFields } from '../domain/suggestions.js';
import type {
  Consultation,
  Participant,
  PrismaClient,
  Suggestion,
} from '../generated/prisma/client.js';
import type {
  Adoption,
  ConsultationPlatform,
  ConsultationStage,
} from '../generated/prisma/enums.js';

export type { Consultation, Participant, Suggestion };

export interface ConsultationFilter {
  region: string;
  platform?: ConsultationPlatform | null;
  stage?: ConsultationStage | null;
}

type IdBefore = { lt: string } | undefined;

const whereOf = (filter: ConsultationFilter) => ({
  region: filter.region,
  ...(filter.platform ? { platform: filter.platform } : {}),
  ...(filter.stage ? { stage: filter.stage } : {}),
});

const attending = (memberId: string) => ({ participants: { some: { memberId } } });

export const findConsultationsByIds = (db: PrismaClient, ids: string[]): Promise<Consultation[]> =>
  db.consultation.findMany({ where: { id: { in: ids } } });

export const listConsultations = (
  db: PrismaClient,
  filter: ConsultationFilter,
  idBefore: IdBefore,
  take: number,
) =>
  db.consultation.findMany({
    where: { ...whereOf(filter), ...(idBefore ? { id: idBefore } : {}) },
    orderBy: { id: 'desc' },
    take,
  });

export const countConsultations = (db: PrismaClient, filter: ConsultationFilter) =>
  db.consultation.count({ where: whereOf(filter) });

export const listConsultationsOfMember = (
  db: PrismaClient,
  memberId: string,
  idBefore: IdBefore,
  take: number,
) =>
  db.consultation.findMany({
    where: { ...attending(memberId), ...(idBefore ? { id: idBefore } : {}) },
    orderBy: { id: 'desc' },
    take,
  });

export const countConsultationsOfMember = (db: PrismaClient, memberId: string) =>
  db.consultation.count({ where: attending(memberId) });

/** Participants of many consultations in one query, in the order they were added. */
export const findParticipantsOf = (db: PrismaClient, consultationIds: string[]) =>
  db.participant.findMany({
    where: { consultationId: { in: consultationIds } },
    orderBy: { id: 'asc' },
  });

/** Suggestions of many consultations in one query, in the order they were recorded. */
export const findSuggestionsOf = (db: PrismaClient, consultationIds: string[]) =>
  db.suggestion.findMany({
    where: { consultationId: { in: consultationIds } },
    orderBy: { id: 'asc' },
  });

export const findSuggestion = (db: PrismaClient, id: string) =>
  db.suggestion.findUnique({ where: { id } });

export const createConsultation = (
  db: PrismaClient,
  region: string,
  fields: ConsultationFields,
): Promise<Consultation> => db.consultation.create({ data: { id: newId(), region, ...fields } });

const nextVersion = (db: PrismaClient, id: string) =>
  db.consultation.update({ where: { id }, data: { version: { increment: 1 } } });

/** Adds participants and bumps the consultation's version, all or nothing. */
export async function addParticipants(
  db: PrismaClient,
  consultationId: string,
  participants: ParticipantFields[],
): Promise<Consultation> {
  const [, consultation] = await db.$transaction([
    db.participant.createMany({
      data: participants.map((p) => ({ id: newId(), consultationId, ...p })),
    }),
    nextVersion(db, consultationId),
  ]);
  return consultation;
}

/** Records suggestions (pending adoption) and bumps the version, all or nothing. */
export async function recordSuggestions(
  db: PrismaClient,
  consultationId: string,
  suggestions: SuggestionFields[],
): Promise<Consultation> {
  const [, consultation] = await db.$transaction([
    db.suggestion.createMany({
      data: suggestions.map((s) => ({ id: newId(), consultationId, ...s })),
    }),
    nextVersion(db, consultationId),
  ]);
  return consultation;
}

/** Sets one suggestion's adoption and bumps its consultation's version together. */
export async function setSuggestionAdoption(
  db: PrismaClient,
  suggestion: Suggestion,
  adoption: Adoption,
): Promise<Consultation> {
  const [, consultation] = await db.$transaction([
    db.suggestion.update({ where: { id: suggestion.id }, data: { adoption } }),
    nextVersion(db, suggestion.consultationId),
  ]);
  return consultation;
}
