import {
  changeVersioned,
  groupBy,
  newAggregateId,
  newId,
  type OutboxAddress,
  regionWhere,
  versionedTable,
} from '@huishang/subgraph-kit';
import { recordEvent } from '@huishang/subgraph-kit/bus';
import type { ImportedConsultation } from '../domain/consultation-import.js';
import type { NewConsultation } from '../domain/consultation-input.js';
import type { ParticipantFields } from '../domain/participants.js';
import type { SuggestionFields } from '../domain/suggestions.js';
import { type ConsultationEventName, consultationEvent } from '../events/consultation-snapshot.js';
import type {
  Consultation,
  ConsultationEvaluation,
  MinutesRecipient,
  Participant,
  Prisma,
  PrismaClient,
  Suggestion,
} from '../generated/prisma/client.js';
import type {
  Adoption,
  ConsultationPlatform,
  ConsultationStage,
  RecipientKind,
} from '../generated/prisma/enums.js';

export type { Consultation, ConsultationEvaluation, MinutesRecipient, Participant, Suggestion };

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
export const findParticipantsOf = async (db: PrismaClient, consultationIds: string[]) =>
  groupBy(
    await db.participant.findMany({
      where: { consultationId: { in: consultationIds } },
      orderBy: { id: 'asc' },
    }),
    (row) => row.consultationId,
  );

/** Suggestions of many consultations in one query, in the order they were recorded. */
export const findSuggestionsOf = async (db: PrismaClient, consultationIds: string[]) =>
  groupBy(
    await db.suggestion.findMany({
      where: { consultationId: { in: consultationIds } },
      orderBy: { id: 'asc' },
    }),
    (row) => row.consultationId,
  );

export const findRecipientsOf = async (db: PrismaClient, consultationIds: string[]) =>
  groupBy(
    await db.minutesRecipient.findMany({
      where: { consultationId: { in: consultationIds } },
      orderBy: { id: 'asc' },
    }),
    (row) => row.consultationId,
  );

export const findEvaluationsOf = async (db: PrismaClient, consultationIds: string[]) =>
  groupBy(
    await db.consultationEvaluation.findMany({
      where: { consultationId: { in: consultationIds } },
      orderBy: { id: 'asc' },
    }),
    (row) => row.consultationId,
  );

export const findSuggestion = (db: PrismaClient, id: string) =>
  db.suggestion.findUnique({ where: { id } });

/** Children in the order they were added (ids are UUIDv7), as the API and events list them. */
const withChildren = {
  participants: { orderBy: { id: 'asc' } },
  suggestions: { orderBy: { id: 'asc' } },
  recipients: { orderBy: { id: 'asc' } },
  evaluations: { orderBy: { id: 'asc' } },
} satisfies Prisma.ConsultationInclude;

type Tx = Prisma.TransactionClient;

/** A consultation with its children, as events carry it; null when there is none. */
export const findConsultationRows = (db: PrismaClient | Tx, id: string) =>
  db.consultation.findUnique({ where: { id }, include: withChildren });

/** Stores a new consultation and its `consultation.created` event together. */
export const createConsultation = (
  db: PrismaClient,
  sink: OutboxAddress,
  region: string,
  fields: NewConsultation,
): Promise<Consultation> =>
  db.$transaction(async (tx) => {
    const consultation = await tx.consultation.create({
      data: { id: newAggregateId(sink.origin), region, ...fields },
      include: withChildren,
    });
    await recordEvent(tx, sink, consultationEvent('created', consultation));
    return consultation;
  });

/** A consultation as a step read it: the step is written only if it is still at `version`. */
export interface ReadAt {
  id: string;
  version: number;
}

const consultationTable = versionedTable('Consultation', (tx: Tx) => tx.consultation);

/** What one change of a consultation writes: fields of its row, and the child rows it adds or edits. */
export interface ConsultationChange {
  fields?: Prisma.ConsultationUpdateManyMutationInput;
  add?: (tx: Tx) => Promise<unknown>;
}

/** A consultation's child rows as `withChildren` orders them, without reading the row again. */
async function childrenOf(tx: Tx, consultationId: string) {
  const where = { consultationId };
  return {
    participants: await tx.participant.findMany({ where, ...withChildren.participants }),
    suggestions: await tx.suggestion.findMany({ where, ...withChildren.suggestions }),
    recipients: await tx.minutesRecipient.findMany({ where, ...withChildren.recipients }),
    evaluations: await tx.consultationEvaluation.findMany({ where, ...withChildren.evaluations }),
  };
}

/**
 * One change of a consultation inside a transaction, by the kit's `changeVersioned`: the
 * version goes up first, which locks the row until commit so concurrent changes take
 * turns; then the change's fields and rows are written, and the event carrying the
 * consultation's new state (the row as written, its children read) goes to the outbox.
 * Given the version a step was checked on, a stale step (another changed it meanwhile)
 * is refused with KIT_VERSION_CONFLICT and nothing is written.
 */
export const changeConsultationIn = (
  tx: Tx,
  sink: OutboxAddress,
  target: string | ReadAt,
  event: ConsultationEventName,
  change: ConsultationChange,
) =>
  changeVersioned(tx, consultationTable, {
    ...(typeof target === 'string' ? { id: target } : { id: target.id, readAt: target.version }),
    plan: () => change,
    async record(t, row) {
      const consultation = { ...row, ...(await childrenOf(t, row.id)) };
      await recordEvent(t, sink, consultationEvent(event, consultation));
      return consultation;
    },
  });

/** The same, all or nothing in a transaction of its own. */
const changeConsultation = (
  db: PrismaClient,
  sink: OutboxAddress,
  id: string | ReadAt,
  event: ConsultationEventName,
  change: ConsultationChange,
): Promise<Consultation> =>
  db.$transaction((tx) => changeConsultationIn(tx, sink, id, event, change));

/** Participants added by the owner, or contributed by a party (`contributedBy`). */
const insertParticipants = (
  tx: Tx,
  consultationId: string,
  participants: ParticipantFields[],
  contributedBy: string | null = null,
) =>
  tx.participant.createMany({
    data: participants.map((p) => ({ id: newId(), consultationId, contributedBy, ...p })),
  });

const insertSuggestions = (
  tx: Tx,
  consultationId: string,
  suggestions: SuggestionFields[],
  contributedBy: string | null = null,
) =>
  tx.suggestion.createMany({
    data: suggestions.map((s) => ({ id: newId(), consultationId, contributedBy, ...s })),
  });

export const addParticipants = (
  db: PrismaClient,
  sink: OutboxAddress,
  consultationId: string,
  participants: ParticipantFields[],
) =>
  changeConsultation(db, sink, consultationId, 'participants-added', {
    add: (tx) => insertParticipants(tx, consultationId, participants),
  });

/** Records suggestions, pending adoption. */
export const recordSuggestions = (
  db: PrismaClient,
  sink: OutboxAddress,
  consultationId: string,
  suggestions: SuggestionFields[],
) =>
  changeConsultation(db, sink, consultationId, 'suggestions-recorded', {
    add: (tx) => insertSuggestions(tx, consultationId, suggestions),
  });

/** A party's participants and suggestions, applied by the owner in the command's transaction. */
export const contributeIn = (
  tx: Tx,
  sink: OutboxAddress,
  consultationId: string,
  party: string,
  contribution: { participants: ParticipantFields[]; suggestions: SuggestionFields[] },
) =>
  changeConsultationIn(tx, sink, consultationId, 'contributed', {
    async add(t) {
      await insertParticipants(t, consultationId, contribution.participants, party);
      await insertSuggestions(t, consultationId, contribution.suggestions, party);
    },
  });

/** Sets one suggestion's adoption, a change of its consultation. */
export const setSuggestionAdoption = (
  db: PrismaClient,
  sink: OutboxAddress,
  suggestion: Suggestion,
  adoption: Adoption,
) =>
  changeConsultation(db, sink, suggestion.consultationId, 'adoption-set', {
    add: (tx) => tx.suggestion.update({ where: { id: suggestion.id }, data: { adoption } }),
  });

/** Moves `read` (as the stage check saw it) to `stage`. */
export const advanceStage = (
  db: PrismaClient,
  sink: OutboxAddress,
  read: ReadAt,
  stage: ConsultationStage,
) => changeConsultation(db, sink, read, 'stage-advanced', { fields: { stage } });

/** Marks who of those invited attended. */
export const recordAttendance = (
  db: PrismaClient,
  sink: OutboxAddress,
  id: string,
  participantIds: string[],
  attended: boolean,
) =>
  changeConsultation(db, sink, id, 'attendance-recorded', {
    add: (tx) =>
      tx.participant.updateMany({
        where: { consultationId: id, id: { in: participantIds } },
        data: { attended },
      }),
  });

/** Sends the minutes of `read`, checked unsent at its version. */
export const sendMinutes = (
  db: PrismaClient,
  sink: OutboxAddress,
  read: ReadAt,
  minutes: { minutes: string; recipients: { name: string; kind: RecipientKind }[] },
  sentAt: Date,
) =>
  changeConsultation(db, sink, read, 'minutes-sent', {
    fields: { minutes: minutes.minutes, minutesSentAt: sentAt },
    add: (tx) =>
      tx.minutesRecipient.createMany({
        data: minutes.recipients.map((r) => ({ id: newId(), consultationId: read.id, ...r })),
      }),
  });

export const findRecipient = (db: PrismaClient, id: string) =>
  db.minutesRecipient.findUnique({ where: { id } });

/**
 * A recipient signs off (签收) or answers (答复) the minutes, as checked on the recipient
 * read with its consultation at `consultationVersion`.
 */
export const updateRecipient = (
  db: PrismaClient,
  sink: OutboxAddress,
  recipient: MinutesRecipient,
  consultationVersion: number,
  step: { signedOffAt: Date } | { answeredAt: Date; answer: string },
) =>
  changeConsultation(
    db,
    sink,
    { id: recipient.consultationId, version: consultationVersion },
    'signedOffAt' in step ? 'minutes-signed-off' : 'minutes-answered',
    { add: (tx) => tx.minutesRecipient.update({ where: { id: recipient.id }, data: step }) },
  );

export const addEvaluation = (
  db: PrismaClient,
  sink: OutboxAddress,
  id: string,
  evaluation: Omit<Prisma.ConsultationEvaluationCreateManyInput, 'id' | 'consultationId'>,
) =>
  changeConsultation(db, sink, id, 'evaluated', {
    add: (tx) =>
      tx.consultationEvaluation.create({
        data: { id: newId(), consultationId: id, ...evaluation },
      }),
  });

export const linkSuggestion = (
  db: PrismaClient,
  sink: OutboxAddress,
  suggestion: Suggestion,
  link: { proposalId: string | null; opinionItemId: string | null },
) =>
  changeConsultation(db, sink, suggestion.consultationId, 'suggestion-linked', {
    add: (tx) => tx.suggestion.update({ where: { id: suggestion.id }, data: link }),
  });

/** Suggestions that became a proposal (or opinion item), keyed for createByIdLoader. */
export async function suggestionsLinkedTo(
  db: PrismaClient,
  field: 'proposalId' | 'opinionItemId',
  ids: string[],
) {
  const rows = await db.suggestion.findMany({
    where: { [field]: { in: ids } },
    orderBy: { id: 'asc' },
  });
  return groupBy(rows, (row) => row[field] as string);
}

/** Consultations held on many topics, in one query, keyed by topic. */
export const consultationsOfTopics = async (db: PrismaClient, topicIds: string[]) =>
  groupBy(
    await db.consultation.findMany({
      where: { topicId: { in: topicIds } },
      orderBy: { id: 'asc' },
    }),
    (row) => row.topicId as string,
  );

/** Consultations that list `party` among their joint parties. */
export const listConsultationsWithParty = (
  db: PrismaClient,
  party: string,
  idBefore: IdBefore,
  take: number,
) =>
  db.consultation.findMany({
    where: { partyRegions: { has: party }, ...(idBefore ? { id: idBefore } : {}) },
    orderBy: { id: 'desc' },
    take,
  });

export const countConsultationsWithParty = (db: PrismaClient, party: string) =>
  db.consultation.count({ where: { partyRegions: { has: party } } });

/** 请你来协商 held in a year (reported or later), with their 6+X lead. */
export const heldInYear = (db: PrismaClient, region: string, year: number) =>
  db.consultation.findMany({
    where: {
      region,
      platform: 'PLEASE_COME_AND_CONSULT',
      stage: { in: ['REPORT', 'FEEDBACK', 'EVALUATION', 'CLOSED'] },
      heldOn: { gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) },
    },
    select: { id: true, lead: true, topicId: true },
  });

/**
 * Historical consultations in their final state, one `consultation.imported` event each,
 * in one transaction: the batch is stored whole or not at all.
 */
export const importConsultations = (
  db: PrismaClient,
  sink: OutboxAddress,
  records: ImportedConsultation[],
) =>
  db.$transaction(
    async (tx) => {
      const ids: string[] = [];
      for (const { participants, suggestions, ...fields } of records) {
        const id = newAggregateId(sink.origin);
        await tx.consultation.create({ data: { id, ...fields } });
        await insertParticipants(tx, id, participants);
        await tx.suggestion.createMany({
          data: suggestions.map((s) => ({ id: newId(), consultationId: id, ...s })),
        });
        const rows = await tx.consultation.findUniqueOrThrow({
          where: { id },
          include: withChildren,
        });
        await recordEvent(tx, sink, consultationEvent('imported', rows));
        ids.push(id);
      }
      return ids;
    },
    { timeout: 60_000 },
  );
