import type { ReplicationHandler } from '@huishang/subgraph-kit/bus';
import { type MemberSnapshot, memberStateFromSnapshot } from '../domain/member-snapshot.js';
import type { Prisma } from '../generated/prisma/client.js';

/**
 * The person of a snapshot from before people were separate: the member's own id, as the
 * 0002 migration gave every existing member a person under its id.
 */
const withPerson = (snapshot: MemberSnapshot): MemberSnapshot =>
  snapshot.person
    ? snapshot
    : {
        ...snapshot,
        personId: snapshot.id,
        person: {
          id: snapshot.id,
          region: snapshot.region,
          name: snapshot.name,
          gender: snapshot.gender,
          birthYear: null,
          ethnicity: null,
          version: 1,
        },
        groups: [],
      };

/**
 * Keeps replicas of members owned below this node: the snapshot replaces the membership,
 * the owner's version included, so the replica reads exactly as the owner's does. The
 * person and the groups, which several snapshots carry, only move forward by their own
 * versions; the membership's group links are replaced by the snapshot's.
 */
export const memberReplication: ReplicationHandler<Prisma.TransactionClient> = {
  aggregates: ['member'],
  async apply(tx, events) {
    for (const event of events) {
      const { member, person, groups } = memberStateFromSnapshot(
        withPerson(event.payload.snapshot as MemberSnapshot),
      );
      const known = await tx.person.findUnique({ where: { id: person.id } });
      if (!known) await tx.person.create({ data: person });
      else if (known.version < person.version) {
        await tx.person.update({ where: { id: person.id }, data: person });
        await tx.member.updateMany({
          where: { personId: person.id },
          data: { name: person.name, gender: person.gender },
        });
      }
      const current = known && known.version > person.version ? known : person;
      const row = { ...member, name: current.name, gender: current.gender };
      await tx.member.upsert({ where: { id: member.id }, create: row, update: row });
      for (const group of groups) {
        const data = { ...group, region: member.region };
        await tx.memberGroup.upsert({
          where: { id: group.id },
          create: data,
          update: {},
        });
        await tx.memberGroup.updateMany({
          where: { id: group.id, version: { lt: group.version } },
          data,
        });
      }
      await tx.memberGroupMember.deleteMany({ where: { memberId: member.id } });
      await tx.memberGroupMember.createMany({
        data: groups.map((g) => ({ groupId: g.id, memberId: member.id })),
      });
    }
  },
};
