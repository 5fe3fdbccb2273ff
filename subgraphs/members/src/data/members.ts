import { newId, VersionConflictError } from '@huishang/subgraph-kit';
import type { MemberFields } from '../domain/member-input.js';
import type { Member, PrismaClient } from '../generated/prisma/client.js';
import type { Party } from '../generated/prisma/enums.js';

export type { Member };

export interface MemberFilter {
  region: string;
  sector?: string | null;
  party?: Party | null;
}

const whereOf = (filter: MemberFilter) => ({
  region: filter.region,
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

export const createMember = (
  db: PrismaClient,
  region: string,
  fields: MemberFields,
): Promise<Member> => db.member.create({ data: { id: newId(), region, ...fields } });

/** Writes a change only if nobody else changed the member since `expectedVersion`. */
export async function updateMember(
  db: PrismaClient,
  current: Member,
  expectedVersion: number,
  fields: MemberFields,
): Promise<Member> {
  const { count } = await db.member.updateMany({
    where: { id: current.id, version: expectedVersion },
    data: { ...fields, version: { increment: 1 } },
  });
  if (count === 0)
    throw new VersionConflictError('Member', current.id, expectedVersion, current.version);
  return db.member.findUniqueOrThrow({ where: { id: current.id } });
}
