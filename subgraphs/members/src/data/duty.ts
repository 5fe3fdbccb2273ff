import { insertRows, newId, type OutboxAddress, schemaOf } from '@huishang/subgraph-kit';
import type { DerivedDutyRecord } from '../domain/duty-records.js';
import { type DutyWeights, defaultDutyWeights, dutySummary } from '../domain/duty-score.js';
import type { DutyRecord, Prisma, PrismaClient } from '../generated/prisma/client.js';
import type { DutyKind, Meeting } from '../generated/prisma/enums.js';
import { recordMemberEvents } from './members.js';

export type { DutyRecord };

/** Where a duty record came from: an aggregate of another subgraph, or a speech here. */
export interface DutySourceRef {
  type: string;
  id: string;
}

/** The duty records one source implies at its latest version. */
export interface SourceDutyRecords {
  source: DutySourceRef;
  records: DerivedDutyRecord[];
}

/**
 * Replaces the duty records of each source by what its latest version implies, in two
 * statements however many sources: the sources' records deleted, the new ones inserted
 * (a member counted twice by one source, once). The caller runs it in the transaction
 * that decides the versions are newer (the duty consumer's). Returns the members whose
 * records it touched, whose summaries the caller then refreshes (`refreshDutySummaries`).
 */
export async function replaceDutyRecords(
  tx: Prisma.TransactionClient,
  sources: SourceDutyRecords[],
): Promise<string[]> {
  if (sources.length === 0) return [];
  const removed = await tx.$queryRawUnsafe<{ member_id: string }[]>(
    `DELETE FROM "${schemaOf(tx)}".duty_record
      WHERE (source_type, source_id) IN (SELECT * FROM unnest($1::text[], $2::uuid[]))
      RETURNING member_id::text`,
    sources.map((s) => s.source.type),
    sources.map((s) => s.source.id),
  );
  const rows = sources.flatMap(({ source, records }) =>
    records.map((r) => ({
      sourceType: source.type,
      sourceId: source.id,
      memberId: r.memberId,
      kind: r.kind,
      title: r.title,
      occurredOn: r.occurredOn,
      detail: r.detail,
    })),
  );
  await insertRows(tx, 'duty_record', rows, { skipDuplicates: true });
  return [...new Set([...removed.map((r) => r.member_id), ...rows.map((r) => r.memberId)])];
}

/**
 * Brings the duty summaries of the owner's members among `memberIds` in step with their
 * records and the committee's weights, in the transaction that changed either: a member
 * whose summary changed moves one version and publishes member.updated, which carries the
 * summary to the city and province. Members this node only replicates are left alone.
 */
export async function refreshDutySummaries(
  tx: Prisma.TransactionClient,
  sink: OutboxAddress,
  memberIds: string[],
): Promise<void> {
  if (memberIds.length === 0) return;
  const [counts, weights] = await Promise.all([
    dutyCounts(tx, memberIds),
    weightsOf(tx, sink.origin),
  ]);
  const summaries = memberIds.map((id) => ({ id, ...dutySummary(counts.get(id) ?? {}, weights) }));
  const changed = await tx.$queryRawUnsafe<{ id: string }[]>(
    `UPDATE "${sink.schema}".member m
        SET duty_score = s.score, duty_counts = s.records, version = m.version + 1,
            updated_at = now()
       FROM jsonb_to_recordset($1::jsonb) AS s(id uuid, score integer, records jsonb)
      WHERE m.id = s.id AND m.region = $2
        AND (m.duty_score, m.duty_counts) IS DISTINCT FROM (s.score, s.records)
      RETURNING m.id::text`,
    JSON.stringify(summaries),
    sink.origin,
  );
  await recordMemberEvents(
    tx,
    sink,
    'member.updated',
    changed.map((c) => c.id),
  );
}

/** A member's duty records, newest first, of one kind or all. */
export const listDutyRecords = (db: PrismaClient, memberId: string, kind?: DutyKind | null) =>
  db.dutyRecord.findMany({
    where: { memberId, ...(kind ? { kind } : {}) },
    orderBy: [{ occurredOn: 'desc' }, { sourceId: 'desc' }, { kind: 'asc' }],
  });

/** Duty records counted per member and kind. */
export async function dutyCounts(
  db: PrismaClient | Prisma.TransactionClient,
  memberIds: string[],
): Promise<Map<string, Partial<Record<DutyKind, number>>>> {
  const groups = await db.dutyRecord.groupBy({
    by: ['memberId', 'kind'],
    where: { memberId: { in: memberIds } },
    _count: { _all: true },
  });
  const counts = new Map<string, Partial<Record<DutyKind, number>>>();
  for (const g of groups) {
    const member = counts.get(g.memberId) ?? {};
    member[g.kind] = g._count._all;
    counts.set(g.memberId, member);
  }
  return counts;
}

/** A committee's members of one term, for its ranking. */
export const membersOfTerm = (db: PrismaClient, region: string, term: number) =>
  db.member.findMany({ where: { region, term }, select: { id: true, name: true } });

export interface SpeechFields {
  memberId: string;
  meeting: Meeting;
  title: string;
  spokenOn: Date;
}

/**
 * A speech and its duty record, in one transaction with the member's summary and event:
 * the speech is the record's source.
 */
export const recordSpeech = (
  db: PrismaClient,
  sink: OutboxAddress,
  recordedBy: string,
  fields: SpeechFields,
): Promise<DutyRecord> =>
  db.$transaction(async (tx) => {
    const speech = await tx.speech.create({
      data: { id: newId(), region: sink.origin, recordedBy, ...fields },
    });
    const meeting =
      fields.meeting === 'PLENARY' ? '全体会议 / plenary' : '常委会议 / standing committee';
    const touched = await replaceDutyRecords(tx, [
      {
        source: { type: 'speech', id: speech.id },
        records: [
          {
            memberId: fields.memberId,
            kind: 'SPEECH',
            title: fields.title,
            occurredOn: fields.spokenOn.toISOString().slice(0, 10),
            detail: meeting,
          },
        ],
      },
    ]);
    await refreshDutySummaries(tx, sink, touched);
    return tx.dutyRecord.findFirstOrThrow({ where: { sourceType: 'speech', sourceId: speech.id } });
  });

/** A committee's weights by their names in the table, which the GraphQL type shares. */
export const weightColumns = (w: DutyWeights) => ({
  proposalLed: w.PROPOSAL_LED,
  proposalCoSigned: w.PROPOSAL_CO_SIGNED,
  consultationAttended: w.CONSULTATION_ATTENDED,
  opinionSubmitted: w.OPINION_SUBMITTED,
  supervisionJoined: w.SUPERVISION_JOINED,
  speech: w.SPEECH,
});

/** Committees' weights by region; a committee that set none is absent (the defaults). */
export async function weightsOfRegions(
  db: PrismaClient | Prisma.TransactionClient,
  regions: string[],
): Promise<Map<string, DutyWeights>> {
  const rows = await db.dutyWeights.findMany({ where: { region: { in: regions } } });
  return new Map(
    rows.map((row) => [
      row.region,
      {
        PROPOSAL_LED: row.proposalLed,
        PROPOSAL_CO_SIGNED: row.proposalCoSigned,
        CONSULTATION_ATTENDED: row.consultationAttended,
        OPINION_SUBMITTED: row.opinionSubmitted,
        SUPERVISION_JOINED: row.supervisionJoined,
        SPEECH: row.speech,
      },
    ]),
  );
}

/** A committee's weights, the defaults until it sets its own. */
export const weightsOf = async (
  db: PrismaClient | Prisma.TransactionClient,
  region: string,
): Promise<DutyWeights> => (await weightsOfRegions(db, [region])).get(region) ?? defaultDutyWeights;

/**
 * A committee's new weights, in one transaction with its members' scores under them (each
 * member whose score changes publishes member.updated).
 */
export const saveWeights = (
  db: PrismaClient,
  sink: OutboxAddress,
  updatedBy: string,
  weights: DutyWeights,
) =>
  db.$transaction(async (tx) => {
    const region = sink.origin;
    const saved = await tx.dutyWeights.upsert({
      where: { region },
      create: { region, updatedBy, ...weightColumns(weights) },
      update: { updatedBy, ...weightColumns(weights) },
    });
    const members = await tx.member.findMany({ where: { region }, select: { id: true } });
    await refreshDutySummaries(
      tx,
      sink,
      members.map((m) => m.id),
    );
    return saved;
  });
