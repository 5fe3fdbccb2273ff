import { type EventEnvelope, validateEvent } from '@huishang/schema';
import {
  startTestSubgraph,
  type TestCaller,
  type TestOutboxRow,
} from '@huishang/subgraph-kit/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { jointSessionsSubgraph } from '../src/index.js';

// Nanxun hosts the sessions; Huzhou (one level up) and Wujiang (a partner in Jiangsu)
// keep replicas of them.
const subgraph = await startTestSubgraph(jointSessionsSubgraph, {
  regions: ['330503', '330500', '320509'],
  label: 'joint_sessions_events',
});
afterAll(() => subgraph.close());
const { gql } = subgraph;

const huzhou: TestCaller = { region: '330500', node: '330500' };
const wujiang: TestCaller = { region: '320509', node: '320509' };

const create = `mutation($input: CreateJointSessionInput!) { createJointSession(input: $input) { id version } }`;
const advance = `mutation($id: ID!, $to: JointStage!) { advanceJointSession(id: $id, to: $to) { stage version } }`;
const read = `query($id: ID!) {
  jointSession(id: $id) {
    title stage version heldOn updatedAt region { code } parties { committee role region { code } }
  }
}`;
const list = `query($region: ID!) { jointSessions(region: $region) { totalCount edges { node { id stage } } } }`;

const xunwu = {
  region: '330503',
  hostCommittee: '湖州市南浔区政协',
  title: '同心桥·浔吴协商会：毗邻地区生态环境共保联治',
  kind: 'CROSS_PROVINCE',
  partners: [{ region: '320509', committee: '苏州市吴江区政协' }],
  heldOn: '2024-09-20',
  venueName: '南浔区跨区域协商议事室',
};
/** Runs `write` and returns the one outbox row it added at Nanxun. */
async function oneEvent(write: () => Promise<unknown>): Promise<TestOutboxRow> {
  const rows = await subgraph.eventsOf('330503', write);
  expect(rows).toHaveLength(1);
  return rows[0] as TestOutboxRow;
}

/** A session created at Nanxun (浔吴 unless told): its id and the event its creation added. */
async function created(input: Record<string, unknown> = xunwu) {
  let id = '';
  const row = await oneEvent(async () => {
    const result = await gql(create, { input });
    expect(result.errors).toBeUndefined();
    id = result.data.createJointSession.id;
  });
  return { id, row };
}

/** The 浔吴 session, created and moved on to PLAN: its id and the two events. */
async function createdAndAdvanced() {
  const { id, row } = await created();
  const advancedRow = await oneEvent(async () => {
    const result = await gql(advance, { id, to: 'PLAN' });
    expect(result.data.advanceJointSession).toEqual({ stage: 'PLAN', version: 2 });
  });
  return { id, rows: [row, advancedRow] as const };
}

describe('joint-session events', () => {
  it('records joint-session.created for the host and shares it with the partner province', async () => {
    const { id, row } = await created();
    expect(row.subjects).toEqual([
      'cppcc.evt.330000.330500.330503.joint-session.created',
      'cppcc.share.320000.330000.330500.330503.joint-session.created',
    ]);
    expect(validateEvent(row.envelope)).toMatchObject({ ok: true });
    expect(row.envelope).toMatchObject({
      eventId: row.event_id,
      type: 'joint-session.created',
      originRegion: '330503',
      aggregate: { type: 'joint-session', id, version: 1 },
      payload: {
        snapshot: {
          stage: 'TOPIC',
          heldOn: '2024-09-20',
          partyRegions: ['330503', '320509'],
          parties: [
            { region: '330503', committee: '湖州市南浔区政协', role: 'HOST' },
            { region: '320509', committee: '苏州市吴江区政协', role: 'PARTNER' },
          ],
        },
      },
    });
  });

  it('records joint-session.advanced with the session after the step', async () => {
    const {
      rows: [, advanced],
    } = await createdAndAdvanced();
    expect(advanced.subjects).toEqual([
      'cppcc.evt.330000.330500.330503.joint-session.advanced',
      'cppcc.share.320000.330000.330500.330503.joint-session.advanced',
    ]);
    expect(validateEvent(advanced.envelope)).toMatchObject({ ok: true });
    expect(advanced.envelope.payload).toMatchObject({
      snapshot: { stage: 'PLAN', version: 2, parties: [{ role: 'HOST' }, { role: 'PARTNER' }] },
    });
  });

  it('keeps a session within Zhejiang on Zhejiang’s subjects only', async () => {
    const { row } = await created({
      region: '330503',
      hostCommittee: '湖州市南浔区政协',
      title: '南浔—平湖古镇保护联合协商',
      kind: 'CROSS_REGION',
      partners: [{ region: '330482', committee: '平湖市政协' }],
    });
    expect(row.subjects).toEqual(['cppcc.evt.330000.330500.330503.joint-session.created']);
  });

  it('records nothing for a write that is refused', async () => {
    const { id } = await created();
    const refused = await subgraph.eventsOf('330503', async () => {
      const skipped = await gql(advance, { id, to: 'DELIBERATION' });
      expect(skipped.errors[0].extensions.reason).toBe('JOINT_SESSIONS_ILLEGAL_STAGE_STEP');
      const noPartner = await gql(create, { input: { ...xunwu, partners: [] } });
      expect(noPartner.errors[0].extensions.reason).toBe('JOINT_SESSIONS_NO_PARTNER');
    });
    expect(refused).toEqual([]);
  });

  it('lets Huzhou and Wujiang read the session from their replicas, which only move forward', async () => {
    const {
      id,
      rows: [created, advanced],
    } = await createdAndAdvanced();
    const owner = await gql(read, { id });
    for (const [region, caller] of [
      ['330500', huzhou],
      ['320509', wujiang],
    ] as const) {
      await subgraph.replicate(region, advanced.envelope);
      const replica = await gql(read, { id }, caller);
      expect(replica.errors).toBeUndefined();
      expect(replica.data).toEqual(owner.data);
      expect(replica.data.jointSession).toMatchObject({ stage: 'PLAN', version: 2 });

      await subgraph.replicate(region, created.envelope);
      expect(await gql(read, { id }, caller)).toEqual(replica);
    }
    const joined = await gql(list, { region: '320509' }, wujiang);
    const listed = joined.data.jointSessions.edges.filter(
      (e: { node: { id: string } }) => e.node.id === id,
    );
    expect(listed).toEqual([{ node: { id, stage: 'PLAN' } }]);
  });

  it('replaces a replica’s parties with the snapshot’s', async () => {
    const {
      id,
      rows: [, advancedRow],
    } = await createdAndAdvanced();
    const advanced = advancedRow.envelope as EventEnvelope;
    const snapshot = advanced.payload.snapshot as { parties: unknown[] };
    const suzhouInstead = {
      ...advanced,
      aggregate: { ...advanced.aggregate, version: 3 },
      payload: {
        snapshot: {
          ...snapshot,
          version: 3,
          partyRegions: ['330503', '320500'],
          parties: [
            snapshot.parties[0],
            { region: '320500', committee: '苏州市政协', role: 'PARTNER' },
          ],
        },
      },
    };
    expect(validateEvent(suzhouInstead)).toMatchObject({ ok: true });
    await subgraph.replicate('330500', advanced);
    await subgraph.replicate('330500', suzhouInstead);
    const replica = await gql(read, { id }, huzhou);
    expect(replica.data.jointSession.parties).toEqual([
      { committee: '湖州市南浔区政协', role: 'HOST', region: { code: '330503' } },
      { committee: '苏州市政协', role: 'PARTNER', region: { code: '320500' } },
    ]);
  });

  it('refuses a step at a node that holds only a replica', async () => {
    const { id, row } = await created();
    await subgraph.replicate('320509', row.envelope);
    const refused = await subgraph.eventsOf('320509', async () => {
      const result = await gql(advance, { id, to: 'PLAN' }, wujiang);
      expect(result.errors[0].extensions.code).toBe('FORBIDDEN');
    });
    expect(refused).toEqual([]);
  });
});
