import { type EventEnvelope, validateEvent } from '@huishang/schema';
import type { TestOutboxRow } from '@huishang/subgraph-kit/testing';
import { describe, expect, it } from 'vitest';
import { huzhou, startNanxunAndHuzhou } from './nanxun-huzhou.js';

const subgraph = await startNanxunAndHuzhou('members_events');
const { gql, outbox } = subgraph;

const create = `mutation($input: CreateMemberInput!) { createMember(input: $input) { id version } }`;
const update = `mutation($id: ID!, $v: Int, $input: UpdateMemberInput!) {
  updateMember(id: $id, expectedVersion: $v, input: $input) { version }
}`;
const list = `query($region: ID!) {
  members(region: $region) { totalCount edges { node { id name sector version updatedAt linkedVillages { name } } } }
}`;

const shen = {
  region: '330503',
  name: '沈丽华',
  sector: '农业界',
  party: 'CDL',
  term: 12,
  linkedVillages: ['330503102001'],
};

/** A member of Nanxun's (沈丽华 unless told), with the outbox row its creation added. */
async function created(input: Record<string, unknown> = shen) {
  let id = '';
  const rows = await subgraph.eventsOf('330503', async () => {
    const result = await gql(create, { input });
    expect(result.errors).toBeUndefined();
    id = result.data.createMember.id;
  });
  expect(rows).toHaveLength(1);
  return { id, row: rows[0] as TestOutboxRow };
}

/** 沈丽华 moved to 农业和农村界: her id and the two outbox rows, created and updated. */
async function createdAndUpdated() {
  const { id, row } = await created();
  const updates = await subgraph.eventsOf('330503', async () => {
    const result = await gql(update, { id, v: 1, input: { sector: '农业和农村界' } });
    expect(result.data.updateMember.version).toBe(2);
  });
  expect(updates).toHaveLength(1);
  return { id, rows: [row, updates[0] as TestOutboxRow] as const };
}

describe('member events', () => {
  it('records member.created in the owner’s outbox, on the owner’s subject', async () => {
    const huzhouBefore = await outbox('330500');
    const { id, row } = await created();
    expect(row.subjects).toEqual(['cppcc.evt.330000.330500.330503.member.created']);
    expect(validateEvent(row.envelope)).toMatchObject({ ok: true });
    expect(row.envelope).toMatchObject({
      eventId: row.event_id,
      type: 'member.created',
      originRegion: '330503',
      aggregate: { type: 'member', id, version: 1 },
      payload: { snapshot: { id, name: '沈丽华', linkedVillages: ['330503102001'] } },
    });
    expect(await outbox('330500')).toEqual(huzhouBefore);
  });

  it('records member.updated with the whole member after the change', async () => {
    const {
      rows: [, updated],
    } = await createdAndUpdated();
    expect(updated.subjects).toEqual(['cppcc.evt.330000.330500.330503.member.updated']);
    expect(validateEvent(updated.envelope)).toMatchObject({ ok: true });
    expect(updated.envelope.payload).toMatchObject({
      snapshot: { name: '沈丽华', sector: '农业和农村界', version: 2 },
    });
  });

  it('records nothing for a write that is refused', async () => {
    const { id } = await createdAndUpdated();
    const refused = await subgraph.eventsOf('330503', async () => {
      const badTerm = await gql(create, {
        input: { region: '330503', name: '王建国', sector: '经济界', party: 'CPC', term: 0 },
      });
      expect(badTerm.errors[0].extensions.reason).toBe('MEMBERS_INVALID_TERM');
      const stale = await gql(update, { id, v: 1, input: { name: '沈丽' } });
      expect(stale.errors[0].extensions.code).toBe('CONFLICT');
    });
    expect(refused).toEqual([]);
  });

  it('lets Huzhou read a Nanxun member from its replica, which only moves forward', async () => {
    const {
      id,
      rows: [created, updated],
    } = await createdAndUpdated();
    const nodeOf = async (caller?: typeof huzhou) =>
      (await gql(list, { region: '330503' }, caller)).data.members.edges
        .map((e: { node: { id: string } }) => e.node)
        .find((node: { id: string }) => node.id === id);
    expect(await nodeOf(huzhou)).toBeUndefined();
    await subgraph.replicate('330500', updated.envelope);
    const replica = await nodeOf(huzhou);
    expect(replica).toMatchObject({ sector: '农业和农村界', version: 2 });
    expect(replica).toEqual(await nodeOf());

    await subgraph.replicate('330500', created.envelope);
    expect(await nodeOf(huzhou)).toEqual(replica);
  });

  it('refuses a write to a replica at the node that holds it', async () => {
    const { id, row } = await created();
    await subgraph.replicate('330500', row.envelope);
    const refused = await subgraph.eventsOf('330500', async () => {
      const result = await gql(update, { id, input: { name: '沈丽' } }, huzhou);
      expect(result.errors[0].extensions.code).toBe('FORBIDDEN');
    });
    expect(refused).toEqual([]);
  });
});

describe('member snapshots from before people were separate', () => {
  it('gives a replica a person under the member’s id', async () => {
    const id = '01970000-0000-7000-8000-00000000a0a1';
    const legacy = {
      eventId: '01970000-0000-7000-8000-00000000a0e1',
      type: 'member.created',
      schemaVersion: 1,
      occurredAt: '2026-11-20T03:00:00.000Z',
      originRegion: '330503',
      aggregate: { type: 'member', id, version: 1 },
      payload: {
        snapshot: {
          id,
          region: '330503',
          name: '蒋雪芬',
          gender: 'FEMALE',
          sector: '社会福利和社会保障界',
          party: 'CNDCA',
          term: 10,
          roles: ['MEMBER'],
          specialCommittees: [],
          workplace: null,
          linkedVillages: [],
          version: 1,
          createdAt: '2026-11-20T03:00:00.000Z',
          updatedAt: '2026-11-20T03:00:00.000Z',
        },
      },
      trace: {},
    };
    expect(validateEvent(legacy)).toMatchObject({ ok: true });
    expect(await subgraph.replicate('330500', legacy as EventEnvelope)).toBe(true);
    const read = await gql(
      `query($id: ID!) { member(id: $id) { name person { id name memberships { id } } studios { id } } }`,
      { id },
      huzhou,
    );
    expect(read.data.member).toEqual({
      name: '蒋雪芬',
      person: { id, name: '蒋雪芬', memberships: [{ id }] },
      studios: [],
    });
  });
});
