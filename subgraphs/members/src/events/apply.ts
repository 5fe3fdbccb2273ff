import { deleteRowsOf, insertRows, schemaOf } from '@huishang/subgraph-kit';
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

/** Of records several snapshots carry, the newest version of each. */
function newestById<T extends { id: string; version: number }>(records: T[]): T[] {
  const newest = new Map<string, T>();
  for (const record of records) {
    const known = newest.get(record.id);
    if (!known || known.version < record.version) newest.set(record.id, record);
  }
  return [...newest.values()];
}

/** Moves a stored person or group forward only; its times are the replica's own. */
const forwardOnly = {
  upsert: { key: ['id'], set: { updated_at: 'now()' }, where: 't.version < EXCLUDED.version' },
};

/**
 * Keeps replicas of members owned below this node: the snapshots replace the memberships,
 * the owners' versions included, so a replica reads exactly as the owner's does. The
 * people and groups, which several snapshots carry, only move forward by their own
 * versions (a person moving forward renames all its memberships); the memberships' group
 * links are replaced by the snapshots'. The same seven statements write a batch of any size.
 */
export const memberReplication: ReplicationHandler<Prisma.TransactionClient> = {
  aggregates: ['member'],
  async apply(tx, events) {
    const states = events.map((event) =>
      memberStateFromSnapshot(withPerson(event.payload.snapshot as MemberSnapshot)),
    );
    const people = newestById(states.map((s) => s.person));
    const known = new Map(
      (
        await tx.person.findMany({
          where: { id: { in: people.map((p) => p.id) } },
          select: { id: true, version: true, name: true, gender: true },
        })
      ).map((p) => [p.id, p]),
    );
    const current = new Map(
      people.map((person) => {
        const stored = known.get(person.id);
        return [person.id, stored && stored.version > person.version ? stored : person];
      }),
    );
    const movedOn = people.filter((p) => {
      const stored = known.get(p.id);
      return stored && stored.version < p.version;
    });
    await insertRows(tx, 'person', people, forwardOnly);
    // every membership of a person that moved forward takes its new name
    const schema = schemaOf(tx);
    await tx.$executeRawUnsafe(
      `UPDATE "${schema}".member m SET name = p.name, gender = p.gender, updated_at = now()
         FROM "${schema}".person p WHERE m.person_id = p.id AND p.id = ANY($1::uuid[])`,
      movedOn.map((p) => p.id),
    );
    const members = states.map(({ member }) => {
      const person = current.get(member.personId);
      return { ...member, name: person?.name ?? member.name, gender: person?.gender ?? null };
    });
    await insertRows(tx, 'member', members, { upsert: { key: ['id'] } });
    const groups = newestById(
      states.flatMap(({ member, groups }) => groups.map((g) => ({ ...g, region: member.region }))),
    );
    await insertRows(tx, 'member_group', groups, forwardOnly);
    await deleteRowsOf(
      tx,
      'member_group_member',
      'member_id',
      members.map((m) => m.id),
    );
    await insertRows(
      tx,
      'member_group_member',
      states.flatMap(({ member, groups }) =>
        groups.map((g) => ({ groupId: g.id, memberId: member.id })),
      ),
    );
  },
};
