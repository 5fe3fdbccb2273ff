import {
  type EventSink,
  newId,
  recordEvent,
  regionWhere,
  VersionConflictError,
} from '@huishang/subgraph-kit';
import type { MemberFields } from '../domain/member-input.js';
import { memberSnapshot } from '../domain/member-snapshot.js';
import type { Member, Prisma, PrismaClient } from '../generated/prisma/client.js';
import type { Party } from '../generated/prisma/enums.js';

export type { Member };

export interface MemberFilter {
  region: string;
  includeSubregions?: boolean | null;
  sector?: string | null;
  party?: Party | null;
}

const whereOf = (filter: MemberFilter) => ({
  ...regionWhere(filter.region, filter.includeSubregions),
  ...(filter.sector ? { sector: filter.sector } : {}),
  ...(filter.party ? { party: filter.party } : {}),
});

export const findMembersByIds = (db: PrismaClient, ids: string[]): Promise<Member[]> =>
  db.member.findMany({ where: { id: { in: ids } } });

export const listMembers = (
  db: PrismaClient,
  filter: MemberFilter,
  idBefore: { lt: string } | undefined,
  take: number,
) =>
  db.member.findMany({
    where: { ...whereOf(filter), ...(idBefore ? { id: idBefore } : {}) },
    orderBy: { id: 'desc' },
    take,
  });

export const countMembers = (db: PrismaClient, filter: MemberFilter) =>
  db.member.count({ where: whereOf(filter) });

/** Writes the member's event to the outbox in the transaction that changed it. */
const recordMemberEvent = (
  tx: Prisma.TransactionClient,
  sink: EventSink,
  type: 'member.created' | 'member.updated',
  member: Member,
) =>
  recordEvent(tx, sink, {
    type,
    aggregate: { type: 'member', id: member.id, version: member.version },
    payload: { snapshot: memberSnapshot(member) },
  });

export const createMember = (
  db: PrismaClient,
  sink: EventSink,
  region: string,
  fields: MemberFields,
): Promise<Member> =>
  db.$transaction(async (tx) => {
    const member = await tx.member.create({ data: { id: newId(), region, ...fields } });
    await recordMemberEvent(tx, sink, 'member.created', member);
    return member;
  });

/** Writes a change only if nobody else changed the member since `expectedVersion`. */
export const updateMember = (
  db: PrismaClient,
  sink: EventSink,
  current: Member,
  expectedVersion: number,
  fields: MemberFields,
): Promise<Member> =>
  db.$transaction(async (tx) => {
    const { count } = await tx.member.updateMany({
      where: { id: current.id, version: expectedVersion },
      data: { ...fields, version: { increment: 1 } },
    });
    if (count === 0)
      throw new VersionConflictError('Member', current.id, expectedVersion, current.version);
    const member = await tx.member.findUniqueOrThrow({ where: { id: current.id } });
    await recordMemberEvent(tx, sink, 'member.updated', member);
    return member;
  });
