import { type EventEnvelope, validateEvent } from '@huishang/schema';
import {
  buildSubgraphApp,
  developmentInternalSecret,
  type ReplicationHandler,
  schemaName,
} from '@huishang/subgraph-kit';
import {
  createTestDatabase,
  identityHeaders,
  type TestCaller,
} from '@huishang/subgraph-kit/testing';
import { afterAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '../src/generated/prisma/client.js';
import { jointSessionsSubgraph } from '../src/index.js';

// Nanxun hosts the sessions; Huzhou (one level up) and Wujiang (a partner in Jiangsu)
// keep replicas of them.
const database = await createTestDatabase('joint_sessions_events');
const app = await buildSubgraphApp(jointSessionsSubgraph, {
  host: '127.0.0.1',
  port: 0,
  databaseUrl: database.url,
  internalSecret: developmentInternalSecret,
  hosting: { mode: 'multi', regions: ['330503', '330500', '320509'] },
  poolSize: 4,
});
afterAll(async () => {
  await app.close();
  await database.drop();
});

const nanxun: TestCaller = { region: '330503' };
const huzhou: TestCaller = { region: '330500', node: '330500' };
const wujiang: TestCaller = { region: '320509', node: '320509' };

async function gql(query: string, variables: Record<string, unknown>, caller = nanxun) {
  const response = await app.inject({
    method: 'POST',
    url: '/graphql',
    headers: await identityHeaders(caller),
    payload: { query, variables },
  });
  return response.json();
}

const db = (region: string) => app.databases.of(region) as PrismaClient;

interface OutboxRow {
  event_id: string;
  subjects: string[];
  envelope: EventEnvelope;
}
const outbox = (region: string) =>
  db(region).$queryRawUnsafe<OutboxRow[]>(
    `SELECT event_id::text, subjects, envelope FROM "${schemaName('joint-sessions', region)}"._outbox ORDER BY seq`,
  );

/**
 * Applies an event as the kit's consumer does: in one transaction, only when it is newer
 * than the replica's version, which it records.
 */
async function applyAsKit(region: string, event: EventEnvelope) {
  const handler = jointSessionsSubgraph.replication as ReplicationHandler<unknown>;
  const versions = `"${schemaName('joint-sessions', region)}"._replica_version`;
  await db(region).$transaction(async (tx) => {
    const [known] = await tx.$queryRawUnsafe<{ version: number }[]>(
      `SELECT version FROM ${versions} WHERE aggregate_type = $1 AND aggregate_id = $2::uuid`,
      event.aggregate.type,
      event.aggregate.id,
    );
    if (known && known.version >= event.aggregate.version) return;
    await handler.apply(tx, event);
    await tx.$executeRawUnsafe(
      `INSERT INTO ${versions} (aggregate_type, aggregate_id, origin_region, version, event_id)
       VALUES ($1, $2::uuid, $3, $4, $5::uuid)
       ON CONFLICT (aggregate_type, aggregate_id)
       DO UPDATE SET version = excluded.version, event_id = excluded.event_id, applied_at = now()`,
      event.aggregate.type,
      event.aggregate.id,
      event.originRegion,
      event.aggregate.version,
      event.eventId,
    );
  });
}

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
let xunwuId: string;

describe('joint-session events', () => {
  it('records joint-session.created for the host and shares it with the partner province', async () => {
    const created = await gql(create, { input: xunwu });
    expect(created.errors).toBeUndefined();
    xunwuId = created.data.createJointSession.id;

    const rows = await outbox('330503');
    expect(rows).toHaveLength(1);
    const [row] = rows as [OutboxRow];
    expect(row.subjects).toEqual([
      'cppcc.evt.330000.330500.330503.joint-session.created',
      'cppcc.share.320000.330000.330500.330503.joint-session.created',
    ]);
    expect(validateEvent(row.envelope)).toMatchObject({ ok: true });
    expect(row.envelope).toMatchObject({
      eventId: row.event_id,
      type: 'joint-session.created',
      originRegion: '330503',
      aggregate: { type: 'joint-session', id: xunwuId, version: 1 },
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
    const advanced = await gql(advance, { id: xunwuId, to: 'PLAN' });
    expect(advanced.data.advanceJointSession).toEqual({ stage: 'PLAN', version: 2 });
    const rows = await outbox('330503');
    expect(rows).toHaveLength(2);
    expect(rows[1]?.subjects).toEqual([
      'cppcc.evt.330000.330500.330503.joint-session.advanced',
      'cppcc.share.320000.330000.330500.330503.joint-session.advanced',
    ]);
    expect(validateEvent(rows[1]?.envelope)).toMatchObject({ ok: true });
    expect(rows[1]?.envelope.payload).toMatchObject({
      snapshot: { stage: 'PLAN', version: 2, parties: [{ role: 'HOST' }, { role: 'PARTNER' }] },
    });
  });

  it('keeps a session within Zhejiang on Zhejiang’s subjects only', async () => {
    const created = await gql(create, {
      input: {
        region: '330503',
        hostCommittee: '湖州市南浔区政协',
        title: '南浔—平湖古镇保护联合协商',
        kind: 'CROSS_REGION',
        partners: [{ region: '330482', committee: '平湖市政协' }],
      },
    });
    expect(created.errors).toBeUndefined();
    const rows = await outbox('330503');
    expect(rows).toHaveLength(3);
    expect(rows[2]?.subjects).toEqual(['cppcc.evt.330000.330500.330503.joint-session.created']);
  });

  it('records nothing for a write that is refused', async () => {
    const skipped = await gql(advance, { id: xunwuId, to: 'DELIBERATION' });
    expect(skipped.errors[0].extensions.reason).toBe('JOINT_SESSIONS_ILLEGAL_STAGE_STEP');
    const noPartner = await gql(create, { input: { ...xunwu, partners: [] } });
    expect(noPartner.errors[0].extensions.reason).toBe('JOINT_SESSIONS_NO_PARTNER');
    expect(await outbox('330503')).toHaveLength(3);
  });

  it('lets Huzhou and Wujiang read the session from their replicas, which only move forward', async () => {
    const [created, advanced] = (await outbox('330503')).map((row) => row.envelope) as [
      EventEnvelope,
      EventEnvelope,
    ];
    const owner = await gql(read, { id: xunwuId });
    for (const [region, caller] of [
      ['330500', huzhou],
      ['320509', wujiang],
    ] as const) {
      await applyAsKit(region, advanced);
      const replica = await gql(read, { id: xunwuId }, caller);
      expect(replica.errors).toBeUndefined();
      expect(replica.data).toEqual(owner.data);
      expect(replica.data.jointSession).toMatchObject({ stage: 'PLAN', version: 2 });

      await applyAsKit(region, created);
      expect(await gql(read, { id: xunwuId }, caller)).toEqual(replica);
    }
    const joined = await gql(list, { region: '320509' }, wujiang);
    expect(joined.data.jointSessions.edges).toEqual([{ node: { id: xunwuId, stage: 'PLAN' } }]);
  });

  it('replaces a replica’s parties with the snapshot’s', async () => {
    const [, advanced] = (await outbox('330503')).map((row) => row.envelope) as [
      EventEnvelope,
      EventEnvelope,
    ];
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
    await applyAsKit('330500', suzhouInstead);
    const replica = await gql(read, { id: xunwuId }, huzhou);
    expect(replica.data.jointSession.parties).toEqual([
      { committee: '湖州市南浔区政协', role: 'HOST', region: { code: '330503' } },
      { committee: '苏州市政协', role: 'PARTNER', region: { code: '320500' } },
    ]);
  });

  it('refuses a step at a node that holds only a replica', async () => {
    const refused = await gql(advance, { id: xunwuId, to: 'RESEARCH' }, wujiang);
    expect(refused.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(await outbox('320509')).toEqual([]);
  });
});
