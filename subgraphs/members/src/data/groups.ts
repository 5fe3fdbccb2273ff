import {
  changeVersioned,
  groupBy,
  newId,
  type OutboxAddress,
  regionWhere,
  versionedTable,
} from '@huishang/subgraph-kit';
import type { Member, MemberGroup, Prisma, PrismaClient } from '../generated/prisma/client.js';
import type { MemberGroupKind } from '../generated/prisma/enums.js';
import { recordMemberEvent } from './members.js';

export type { MemberGroup };

/** A studio's or duty group's fields, validated by the resolver. */
export interface GroupFields {
  name: string;
  place: string;
  online: boolean;
  memberIds: string[];
}

export const findGroupsByIds = (db: PrismaClient, ids: string[]): Promise<MemberGroup[]> =>
  db.memberGroup.findMany({ where: { id: { in: ids } } });

export const listGroups = (
  db: PrismaClient,
  kind: MemberGroupKind,
  region: string,
  includeSubregions: boolean | null | undefined,
  online?: boolean | null,
) =>
  db.memberGroup.findMany({
    where: {
      kind,
      ...regionWhere(region, includeSubregions),
      ...(online == null ? {} : { online }),
    },
    orderBy: [{ place: 'asc' }, { id: 'asc' }],
  });

/** The studios and duty groups of each member. */
export async function groupsOfMembers(
  db: PrismaClient,
  memberIds: string[],
): Promise<Map<string, MemberGroup[]>> {
  const links = await db.memberGroupMember.findMany({
    where: { memberId: { in: memberIds } },
    include: { group: true },
    orderBy: { groupId: 'asc' },
  });
  const byMember = new Map<string, MemberGroup[]>();
  for (const link of links)
    byMember.set(link.memberId, [...(byMember.get(link.memberId) ?? []), link.group]);
  return byMember;
}

/** The members of each group, in one query, by member id. */
export async function membersOfGroups(
  db: PrismaClient,
  groupIds: string[],
): Promise<Map<string, Member[]>> {
  const links = await db.memberGroupMember.findMany({
    where: { groupId: { in: groupIds } },
    include: { member: true },
    orderBy: { memberId: 'asc' },
  });
  const byGroup = groupBy(links, (link) => link.groupId);
  return new Map([...byGroup].map(([id, group]) => [id, group.map((link) => link.member)]));
}

/**
 * A group travels in its members' snapshots: every member it gains, loses or describes
 * anew moves one version and publishes member.updated, in the group's transaction.
 */
async function republishMembers(
  tx: Prisma.TransactionClient,
  sink: OutboxAddress,
  memberIds: string[],
) {
  const ids = [...new Set(memberIds)].toSorted();
  await tx.member.updateMany({ where: { id: { in: ids } }, data: { version: { increment: 1 } } });
  for (const id of ids) await recordMemberEvent(tx, sink, 'member.updated', id);
}

export const createGroup = (
  db: PrismaClient,
  sink: OutboxAddress,
  region: string,
  kind: MemberGroupKind,
  fields: GroupFields,
): Promise<MemberGroup> =>
  db.$transaction(async (tx) => {
    const { memberIds, ...data } = fields;
    const group = await tx.memberGroup.create({ data: { id: newId(), region, kind, ...data } });
    await tx.memberGroupMember.createMany({
      data: memberIds.map((memberId) => ({ groupId: group.id, memberId })),
    });
    await republishMembers(tx, sink, memberIds);
    return group;
  });

const groupTable = (kind: MemberGroupKind) =>
  versionedTable(kind, (tx: Prisma.TransactionClient) => tx.memberGroup);

/**
 * Changes a group read at `expectedVersion` (the kit's `changeVersioned`): its members are
 * replaced, and those it had and has publish member.updated.
 */
export const updateGroup = (
  db: PrismaClient,
  sink: OutboxAddress,
  current: MemberGroup,
  expectedVersion: number,
  fields: GroupFields,
): Promise<MemberGroup> =>
  db.$transaction((tx) => {
    const { memberIds, ...data } = fields;
    return changeVersioned(tx, groupTable(current.kind), {
      id: current.id,
      readAt: expectedVersion,
      plan: () => ({
        fields: data,
        async add(t) {
          const before = await t.memberGroupMember.findMany({ where: { groupId: current.id } });
          await t.memberGroupMember.deleteMany({ where: { groupId: current.id } });
          await t.memberGroupMember.createMany({
            data: memberIds.map((memberId) => ({ groupId: current.id, memberId })),
          });
          return before.map((l) => l.memberId);
        },
      }),
      async record(t, group, before) {
        await republishMembers(t, sink, [...(before ?? []), ...memberIds]);
        return group;
      },
    });
  });
