import type { EventEnvelope } from '@huishang/schema';
import {
  applyBatch,
  newestOfEach,
  startTestSubgraph,
  tableRows,
  writeStatements,
} from '@huishang/subgraph-kit/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { memberReplication } from '../src/events/apply.js';
import { membersSubgraph } from '../src/index.js';

// Nanxun 330503 owns the members; Huzhou 330500 applies its events one at a time, as the
// consumer used to, and Zhejiang 330000 in batches: both must end with the same rows.
const subgraph = await startTestSubgraph(membersSubgraph, {
  regions: ['330503', '330500', '330000'],
  label: 'members_batch_apply',
});
afterAll(() => subgraph.close());
const { gql } = subgraph;

const replicated = ['member', 'person', 'member_group', 'member_group_member'];
/** A replica's rows; people's and groups' times are the replica's own, so left out. */
async function tablesOf(region: string) {
  const tables = await tableRows(subgraph.db(region), replicated);
  for (const table of ['person', 'member_group'])
    tables[table] = (tables[table] ?? []).map((row) => {
      const { created_at: _, updated_at: __, ...rest } = row as Record<string, unknown>;
      return rest;
    });
  return tables;
}
const apply = (region: string, events: EventEnvelope[]) =>
  applyBatch(subgraph.db(region), memberReplication, events);

/** Applies `events` one by one at Huzhou and as one batch at Zhejiang, then compares. */
async function replicateBothWays(events: EventEnvelope[]) {
  for (const event of events) await subgraph.replicate('330500', event);
  await apply('330000', newestOfEach(events));
  const oneByOne = await tablesOf('330500');
  expect(await tablesOf('330000')).toEqual(oneByOne);
  return oneByOne;
}

// biome-ignore lint/suspicious/noExplicitAny: results are read by path
async function ok(result: Promise<{ data?: any; errors?: unknown }>): Promise<any> {
  const { data, errors } = await result;
  expect(errors, JSON.stringify(errors)).toBeUndefined();
  return Object.values(data)[0];
}
const createMember = (input: Record<string, unknown>) =>
  ok(
    gql(
      `mutation($input: CreateMemberInput!) { createMember(input: $input) { id person { id } } }`,
      {
        input: { region: '330503', sector: '经济界', party: 'CNDCA', term: 12, ...input },
      },
    ),
  );
const createStudio = (name: string, memberIds: string[]) =>
  ok(
    gql(`mutation($input: StudioInput!) { createStudio(region: "330503", input: $input) { id } }`, {
      input: { name, place: '330503103203', online: true, memberIds },
    }),
  );

const people: { memberId: string; personId: string }[] = [];
let studioId = '';
let all: EventEnvelope[] = [];

describe('batched member replicas', () => {
  it('leaves the same rows for a batch as applied one by one, people and groups shared', async () => {
    const rows = await subgraph.eventsOf('330503', async () => {
      for (let i = 0; i < 30; i += 1) {
        const created = await createMember({ name: `委员${i}`, gender: 'FEMALE', birthYear: 1970 });
        people.push({ memberId: created.id, personId: created.person.id });
      }
      // a second membership of the first person, a term earlier
      await createMember({ personId: people[0]?.personId, term: 11 });
      studioId = (
        await createStudio(
          '善琏湖笔委员工作室',
          people.slice(0, 10).map((p) => p.memberId),
        )
      ).id;
      await createStudio(
        '双林绫绢委员工作室',
        people.slice(5, 15).map((p) => p.memberId),
      );
    });
    all = rows.map((r) => r.envelope);
    const tables = await replicateBothWays(all);
    expect(tables.member).toHaveLength(31);
    expect(tables.person).toHaveLength(30);
    expect(tables.member_group).toHaveLength(2);
    expect(tables.member_group_member).toHaveLength(20);
  });

  it('moves people and groups forward by their own versions, and replaces the links', async () => {
    const rows = await subgraph.eventsOf('330503', async () => {
      await ok(
        gql(
          `mutation($id: ID!, $input: UpdatePersonInput!) { updatePerson(id: $id, input: $input) { version } }`,
          { id: people[0]?.personId, input: { name: '沈莉华' } },
        ),
      );
      await ok(
        gql(
          `mutation($id: ID!, $input: StudioInput!) { updateStudio(id: $id, input: $input) { version } }`,
          {
            id: studioId,
            input: {
              name: '善琏湖笔文化委员工作室',
              place: '330503103',
              memberIds: people.slice(2, 4).map((p) => p.memberId),
            },
          },
        ),
      );
    });
    const events = rows.map((r) => r.envelope);
    all.push(...events);
    const tables = await replicateBothWays(events);
    const renamed = tables.member?.filter((m) => (m as { name: string }).name === '沈莉华');
    expect(renamed).toHaveLength(2);
    expect(tables.member_group_member).toHaveLength(12);
    // an older snapshot in a later batch moves neither its person nor its groups back
    const stale = all.find(
      (e) => e.aggregate.id === people[5]?.memberId && e.aggregate.version === 1,
    );
    await apply('330000', [stale as EventEnvelope]);
    expect((await tablesOf('330000')).member_group).toEqual(tables.member_group);
    await apply('330000', newestOfEach(all));
    expect(await tablesOf('330000')).toEqual(tables);
  });

  it('writes a batch of many with the statements it writes a batch of one with', async () => {
    const newest = newestOfEach(all);
    const inStudio = newest.filter(
      (e) => (e.payload.snapshot as { groups: unknown[] }).groups.length > 0,
    );
    subgraph.statements.length = 0;
    await apply('330000', inStudio.slice(0, 1));
    const ofOne = writeStatements(subgraph.statements);
    subgraph.statements.length = 0;
    await apply('330000', inStudio);
    const ofMany = writeStatements(subgraph.statements);
    expect(inStudio.length).toBeGreaterThan(10);
    expect(ofMany).toEqual(ofOne);
    // people, the renaming, members, groups, and the links deleted and inserted
    expect(ofOne).toHaveLength(6);
    expect(subgraph.selectsFrom('person')).toBe(1);
  });
});
