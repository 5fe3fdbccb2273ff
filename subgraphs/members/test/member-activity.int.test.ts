import { type EventEnvelope, validateEvent } from '@huishang/schema';
import type { TestCaller } from '@huishang/subgraph-kit/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { huzhou, startNanxunAndHuzhou } from './nanxun-huzhou.js';

// Nanxun 330503 keeps its members' duty records and publishes each member's summary in its
// snapshot; Huzhou 330500 reads Nanxun's member activity from its replicas, with its own.
const subgraph = await startNanxunAndHuzhou('members_activity');
const { gql, outbox } = subgraph;

const createMember = async (region: string, name: string, term: number) => {
  const created = await gql(
    `mutation($input: CreateMemberInput!) { createMember(input: $input) { id } }`,
    { input: { region, name, sector: '经济界', party: 'CNDCA', term } },
    { region },
  );
  expect(created.errors).toBeUndefined();
  return created.data.createMember.id as string;
};

const activity = `query($region: ID!, $term: Int!) { memberActivity(region: $region, term: $term) {
  total { region { code } members active coverage averageScore medianScore byKind { kind count } }
  byRegion { region { code } members active coverage averageScore medianScore byKind { kind count } } } }`;

/** Nanxun's events not yet handed to Huzhou, handed over in outbox order. */
let replicated = 0;
async function replicateNanxun() {
  const rows = await outbox('330503');
  for (const { envelope } of rows.slice(replicated)) await subgraph.replicate('330500', envelope);
  replicated = rows.length;
}

let shen: string;
let huzhouOwn: string;

beforeAll(async () => {
  shen = await createMember('330503', '沈丽华', 12);
  await createMember('330503', '钱志明', 12);
  await createMember('330503', '孙晓燕', 12);
  await createMember('330503', '姚国强', 11);
  huzhouOwn = await createMember('330500', '朱建华', 12);
  await replicateNanxun();
});

describe('member activity from the summaries members’ own nodes publish', () => {
  it('publishes a member’s duty summary with the duty record, and again when weights change', async () => {
    const spoken = await subgraph.eventsOf('330503', () =>
      gql(`mutation($input: SpeechInput!) { recordSpeech(input: $input) { kind } }`, {
        input: {
          memberId: shen,
          meeting: 'PLENARY',
          title: '推动南浔古镇文旅融合高质量发展',
          spokenOn: '2026-01-14',
        },
      }),
    );
    expect(spoken.map((row) => row.envelope)).toEqual([
      expect.objectContaining({
        type: 'member.updated',
        aggregate: { type: 'member', id: shen, version: 2 },
        payload: {
          snapshot: expect.objectContaining({ duty: { score: 8, records: { SPEECH: 1 } } }),
        },
      }),
    ]);
    expect(validateEvent(spoken[0]?.envelope)).toMatchObject({ ok: true });

    // only the member whose score moves publishes again
    const weighed = await subgraph.eventsOf('330503', () =>
      gql(`mutation { setDutyWeights(region: "330503", input: { speech: 12 }) { speech } }`),
    );
    expect(weighed.map((row) => row.envelope)).toEqual([
      expect.objectContaining({
        aggregate: { type: 'member', id: shen, version: 3 },
        payload: {
          snapshot: expect.objectContaining({ duty: { score: 12, records: { SPEECH: 1 } } }),
        },
      }),
    ]);
  });

  it('answers Huzhou’s activity from its replicas of Nanxun’s members, as Nanxun answers its own', async () => {
    await replicateNanxun();
    const city = await gql(activity, { region: '330500', term: 12 }, huzhou);
    expect(city.errors).toBeUndefined();
    const nanxun = {
      region: { code: '330503' },
      members: 3,
      active: 1,
      coverage: 1 / 3,
      averageScore: 4,
      medianScore: 0,
      byKind: [{ kind: 'SPEECH', count: 1 }],
    };
    expect(city.data.memberActivity).toEqual({
      total: {
        ...nanxun,
        region: { code: '330500' },
        members: 4,
        coverage: 0.25,
        averageScore: 3,
      },
      byRegion: [
        {
          region: { code: '330500' },
          members: 1,
          active: 0,
          coverage: 0,
          averageScore: 0,
          medianScore: 0,
          byKind: [],
        },
        nanxun,
      ],
    });
    const own = await gql(activity, { region: '330503', term: 12 });
    expect(own.data.memberActivity.total).toEqual(nanxun);
    const term11 = await gql(activity, { region: '330500', term: 11 }, huzhou);
    expect(term11.data.memberActivity.total).toMatchObject({ members: 1, active: 0 });
  });

  it('refuses a term that is none and a region the caller may not read', async () => {
    const badTerm = await gql(activity, { region: '330500', term: 0 }, huzhou);
    expect(badTerm.errors[0].extensions.reason).toBe('MEMBERS_INVALID_TERM');
    const deqing: TestCaller = { region: '330521', node: '330500' };
    const refused = await gql(activity, { region: '330500', term: 12 }, deqing);
    expect(refused.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('counts a summary only for members of the region its subject proves', async () => {
    const [own] = (await outbox('330500')).map((row) => row.envelope) as [EventEnvelope];
    const forge = (snapshot: Record<string, unknown>): EventEnvelope => ({
      ...own,
      eventId: '01970000-0000-7000-8000-00000000f0e1',
      originRegion: '330503',
      aggregate: { ...own.aggregate, version: 9 },
      payload: {
        snapshot: { ...snapshot, version: 9, duty: { score: 999, records: { SPEECH: 99 } } },
      },
    });
    const snapshot = own.payload.snapshot as Record<string, unknown>;
    expect(snapshot.id).toBe(huzhouOwn);
    // Nanxun claiming Huzhou's member: a snapshot of another region, an id Huzhou made
    await expect(subgraph.replicate('330500', forge(snapshot))).rejects.toThrow(
      /snapshot region 330500 differs/,
    );
    await expect(
      subgraph.replicate('330500', forge({ ...snapshot, region: '330503' })),
    ).rejects.toThrow(/was created by 330500/);
    const city = await gql(activity, { region: '330500', term: 12 }, huzhou);
    expect(city.data.memberActivity.total).toMatchObject({ active: 1, averageScore: 3 });
  });
});
