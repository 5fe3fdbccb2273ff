import { type EventName, subtreePrefix } from '@huishang/schema';
import {
  changeVersioned,
  groupBy,
  NotFoundError,
  newAggregateId,
  newId,
  type OutboxAddress,
  regionWhere,
  versionedTable,
} from '@huishang/subgraph-kit';
import { recordEvents } from '@huishang/subgraph-kit/bus';
import type { DutyCounts } from '../domain/duty-score.js';
import type { MemberFields } from '../domain/member-input.js';
import { memberSnapshot } from '../domain/member-snapshot.js';
import type { PersonFields } from '../domain/person-input.js';
import { DuplicateMembershipError } from '../errors.js';
import type { Member, Person, Prisma, PrismaClient } from '../generated/prisma/client.js';
import type { Party } from '../generated/prisma/enums.js';

export type { Member, Person };

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

export const findPeopleByIds = (db: PrismaClient, ids: string[]): Promise<Person[]> =>
  db.person.findMany({ where: { id: { in: ids } } });

/** People registered or holding a membership in `region`'s subtree whose name contains `name`. */
export const findPeopleByName = (db: PrismaClient, region: string, name: string, take: number) =>
  db.person.findMany({
    where: {
      name: { contains: name },
      OR: [regionWhere(region, true), { members: { some: regionWhere(region, true) } }],
    },
    take,
  });

/** A person's memberships this node knows (its own and its replicas), newest term first. */
/** The memberships of each person, in one query, newest term first. */
export const membershipsOfPeople = async (
  db: PrismaClient,
  personIds: string[],
): Promise<Map<string, Member[]>> =>
  groupBy(
    await db.member.findMany({
      where: { personId: { in: personIds } },
      orderBy: [{ term: 'desc' }, { region: 'asc' }],
    }),
    (member) => member.personId,
  );

/** A member count's key: a region alone, or with its subtree. */
export const memberCountKey = (region: string, subtree: boolean) =>
  `${region}|${subtree ? 'subtree' : 'own'}`;

/**
 * Members of many regions (or subtrees) in one query: counted per owner region by the
 * database, then summed for each key of `memberCountKey`.
 */
export async function memberCounts(db: PrismaClient, keys: string[]): Promise<Map<string, number>> {
  const scopes = keys.map((key) => {
    const [region = '', scope] = key.split('|');
    return { key, region, subtree: scope === 'subtree' };
  });
  const rows = await db.member.groupBy({
    by: ['region'],
    where: { OR: scopes.map((s) => regionWhere(s.region, s.subtree)) },
    _count: { _all: true },
  });
  const within = (row: { region: string }, s: (typeof scopes)[number]) =>
    s.subtree ? row.region.startsWith(subtreePrefix(s.region)) : row.region === s.region;
  return new Map(
    scopes.map((s) => [
      s.key,
      rows.filter((row) => within(row, s)).reduce((sum, row) => sum + row._count._all, 0),
    ]),
  );
}

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

/** Village codes linked to members of the committee of `region`. */
export async function linkedVillagesOf(db: PrismaClient, region: string): Promise<string[]> {
  const rows = await db.member.findMany({ where: { region }, select: { linkedVillages: true } });
  return rows.flatMap((r) => r.linkedVillages);
}

export type MemberEventType = `member.${EventName<'member'>}`;

/** A member as Prisma reads it, its duty counts typed as the owner writes them. */
const asRecord = (member: Member) => ({ ...member, dutyCounts: member.dutyCounts as DutyCounts });

/**
 * Writes members' events to the outbox in the transaction that changed them, in one read
 * and one insert however many: each member's whole state, person and groups included, as
 * the transaction now sees it.
 */
export async function recordMemberEvents(
  tx: Prisma.TransactionClient,
  sink: OutboxAddress,
  type: MemberEventType,
  memberIds: string[],
): Promise<Member[]> {
  if (memberIds.length === 0) return [];
  const rows = await tx.member.findMany({
    where: { id: { in: memberIds } },
    include: { person: true, groups: { include: { group: true } } },
    orderBy: { id: 'asc' },
  });
  await recordEvents(
    tx,
    sink,
    rows.map(({ person, groups, ...member }) => ({
      type,
      aggregate: { type: 'member' as const, id: member.id, version: member.version },
      payload: {
        snapshot: memberSnapshot({
          member: asRecord(member),
          person,
          groups: groups.map((g) => g.group),
        }),
      },
    })),
  );
  return rows.map(({ person: _, groups: __, ...member }) => member);
}

/** One member's event (see `recordMemberEvents`). */
export async function recordMemberEvent(
  tx: Prisma.TransactionClient,
  sink: OutboxAddress,
  type: MemberEventType,
  memberId: string,
): Promise<Member> {
  const [member] = await recordMemberEvents(tx, sink, type, [memberId]);
  if (!member) throw new NotFoundError('Member', memberId);
  return member;
}

/** The new member's person: one this node knows, or a new one registered by `region`. */
export type PersonChoice = { id: string } | { fields: PersonFields };

export const createMember = (
  db: PrismaClient,
  sink: OutboxAddress,
  region: string,
  choice: PersonChoice,
  fields: MemberFields,
): Promise<Member> =>
  db.$transaction(async (tx) => {
    const person =
      'id' in choice
        ? await tx.person.findUnique({ where: { id: choice.id } })
        : await tx.person.create({ data: { id: newId(), region, ...choice.fields } });
    if (!person) throw new NotFoundError('Person', (choice as { id: string }).id);
    const twin = await tx.member.findFirst({
      where: { personId: person.id, region, term: fields.term },
    });
    if (twin) throw new DuplicateMembershipError(person.id, region, fields.term, twin.id);
    const member = await tx.member.create({
      data: {
        id: newAggregateId(sink.origin),
        region,
        personId: person.id,
        name: person.name,
        gender: person.gender,
        ...fields,
      },
    });
    return recordMemberEvent(tx, sink, 'member.created', member.id);
  });

type Tx = Prisma.TransactionClient;

const memberTable = versionedTable('Member', (tx: Prisma.TransactionClient) => tx.member);

const personTable = versionedTable('Person', (tx: Prisma.TransactionClient) => tx.person);

/**
 * Changes a person's details in `tx`, guarded by `expectedVersion` (the kit's
 * `changeVersioned`): the copies of name and gender on every membership here follow, and
 * each membership the person's region owns (but `except`, which the caller moves itself)
 * moves one version. Returns the person as written and the ids of the owned memberships,
 * which publish member.updated so the person travels up with them.
 */
const changePerson = (
  tx: Tx,
  current: Person,
  expectedVersion: number,
  fields: PersonFields,
  except?: string,
): Promise<{ person: Person; owned: string[] }> =>
  changeVersioned(tx, personTable, {
    id: current.id,
    readAt: expectedVersion,
    plan: () => ({
      fields,
      async add(t) {
        await t.member.updateMany({
          where: { personId: current.id },
          data: { name: fields.name, gender: fields.gender },
        });
        const owned = await t.member.findMany({
          where: { personId: current.id, region: current.region },
          select: { id: true },
        });
        const ids = owned.map((m) => m.id);
        await t.member.updateMany({
          where: { id: { in: ids.filter((id) => id !== except) } },
          data: { version: { increment: 1 } },
        });
        return ids;
      },
    }),
    record: async (_, person, owned) => ({ person, owned: owned ?? [] }),
  });

/**
 * Writes a change only if nobody else changed the member since `expectedVersion`; a change
 * of the person's name or gender (`person`) is written with it.
 */
export const updateMember = (
  db: PrismaClient,
  sink: OutboxAddress,
  current: Member,
  expectedVersion: number,
  fields: MemberFields,
  person?: { current: Person; fields: PersonFields },
): Promise<Member> =>
  db.$transaction((tx) =>
    changeVersioned(tx, memberTable, {
      id: current.id,
      readAt: expectedVersion,
      plan: () => ({
        fields,
        add: async (t) =>
          person
            ? (
                await changePerson(
                  t,
                  person.current,
                  person.current.version,
                  person.fields,
                  current.id,
                )
              ).owned
            : [],
      }),
      async record(t, _, others) {
        for (const id of (others ?? []).filter((id) => id !== current.id))
          await recordMemberEvent(t, sink, 'member.updated', id);
        return recordMemberEvent(t, sink, 'member.updated', current.id);
      },
    }),
  );

/** Changes a person's details, guarded by `expectedVersion` (see `changePerson`). */
export const updatePerson = (
  db: PrismaClient,
  sink: OutboxAddress,
  current: Person,
  expectedVersion: number,
  fields: PersonFields,
): Promise<Person> =>
  db.$transaction(async (tx) => {
    const { person, owned } = await changePerson(tx, current, expectedVersion, fields);
    for (const id of owned) await recordMemberEvent(tx, sink, 'member.updated', id);
    return person;
  });
