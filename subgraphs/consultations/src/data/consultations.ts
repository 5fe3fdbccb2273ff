import { type EventSink, newId, recordEvent, regionWhere } from '@huishang/subgraph-kit';
import type { ConsultationFields } from '../domain/consultation-input.js';
import type { ParticipantFields } from '../domain/participants.js';
import type { SuggestionFields } from '../domain/suggestions.js';
import { type ConsultationEventName, consultationEvent } from '../events/consultation-snapshot.js';
import type {
  Consultation,
  Participant,
  Prisma,
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
  includeSubregions?: boolean | null;
  platform?: ConsultationPlatform | null;
  stage?: ConsultationStage | null;
}

type IdBefore = { lt: string } | undefined;

const whereOf = (filter: ConsultationFilter) => ({
  ...regionWhere(filter.region, filter.includeSubregions),
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

/** Children in the order they were added (ids are UUIDv7), as the API and events list them. */
const withChildren = {
  participants: { orderBy: { id: 'asc' } },
  suggestions: { orderBy: { id: 'asc' } },
} satisfies Prisma.ConsultationInclude;

/** Stores a new consultation and its `consultation.created` event together. */
export const createConsultation = (
  db: PrismaClient,
  sink: EventSink,
  region: string,
  fields: ConsultationFields,
): Promise<Consultation> =>
  db.$transaction(async (tx) => {
    const consultation = await tx.consultation.create({
      data: { id: newId(), region, ...fields },
      include: withChildren,
    });
    await recordEvent(tx, sink, consultationEvent('created', consultation));
    return consultation;
  });

/**
 * One change of a consultation, all or nothing: the version goes up first, which locks the
 * row until commit so concurrent changes take turns; then `write` adds the change's rows,
 * and the event carrying the consultation's new state goes to the outbox.
 */
const changeConsultation = (
  db: PrismaClient,
  sink: EventSink,
  id: string,
  event: ConsultationEventName,
  write: (tx: Prisma.TransactionClient) => Promise<unknown>,
): Promise<Consultation> =>
  db.$transaction(async (tx) => {
    await tx.consultation.update({ where: { id }, data: { version: { increment: 1 } } });
    await write(tx);
    const consultation = await tx.consultation.findUniqueOrThrow({
      where: { id },
      include: withChildren,
    });
    await recordEvent(tx, sink, consultationEvent(event, consultation));
    return consultation;
  });

export const addParticipants = (
  db: PrismaClient,
  sink: EventSink,
  consultationId: string,
  participants: ParticipantFields[],
) =>
  changeConsultation(db, sink, consultationId, 'participants-added', (tx) =>
    tx.participant.createMany({
      data: participants.map((p) => ({ id: newId(), consultationId, ...p })),
    }),
  );

/** Records suggestions, pending adoption. */
export const recordSuggestions = (
  db: PrismaClient,
  sink: EventSink,
  consultationId: string,
  suggestions: SuggestionFields[],
) =>
  changeConsultation(db, sink, consultationId, 'suggestions-recorded', (tx) =>
    tx.suggestion.createMany({
      data: suggestions.map((s) => ({ id: newId(), consultationId, ...s })),
    }),
  );

/** Sets one suggestion's adoption, a change of its consultation. */
export const setSuggestionAdoption = (
  db: PrismaClient,
  sink: EventSink,
  suggestion: Suggestion,
  adoption: Adoption,
) =>
  changeConsultation(db, sink, suggestion.consultationId, 'adoption-set', (tx) =>
    tx.suggestion.update({ where: { id: suggestion.id }, data: { adoption } }),
  );
