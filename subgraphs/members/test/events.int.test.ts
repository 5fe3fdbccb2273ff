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
import { membersSubgraph } from '../src/index.js';

// Nanxun owns its members; Huzhou, one level up, keeps replicas of them.
const database = await createTestDatabase('members_events');
const app = await buildSubgraphApp(membersSubgraph, {
  host: '127.0.0.1',
  port: 0,
  databaseUrl: database.url,
  internalSecret: developmentInternalSecret,
  hosting: { mode: 'multi', regions: ['330503', '330500'] },
  poolSize: 4,
});
afterAll(async () => {
  await app.close();
  await database.drop();
});

const nanxun: TestCaller = { region: '330503' };
const huzhou: TestCaller = { region: '330500', node: '330500' };

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
    `SELECT event_id::text, subjects, envelope FROM "${schemaName('members', region)}"._outbox ORDER BY seq`,
  );

/**
 * Applies an event as the kit's consumer does: in one transaction, only when it is newer
 * than the replica's version, which it records.
 */
async function applyAsKit(region: string, event: EventEnvelope) {
  const handler = membersSubgraph.replication as ReplicationHandler<unknown>;
  const versions = `"${schemaName('members', region)}"._replica_version`;
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

const create = `mutation($input: CreateMemberInput!) { createMember(input: $input) { id version } }`;
const update = `mutation($id: ID!, $v: Int, $input: UpdateMemberInput!) {
  updateMember(id: $id, expectedVersion: $v, input: $input) { version }
}`;
const list = `query($region: ID!) {
  members(region: $region) { totalCount edges { node { id name sector version updatedAt linkedVillages { name } } } }
}`;

let memberId: string;

describe('member events', () => {
  it('records member.created in the owner’s outbox, on the owner’s subject', async () => {
    const created = await gql(create, {
      input: {
        region: '330503',
        name: '沈丽华',
        sector: '农业界',
        party: 'CDL',
        term: 12,
        linkedVillages: ['330503102001'],
      },
    });
    expect(created.errors).toBeUndefined();
    memberId = created.data.createMember.id;

    const rows = await outbox('330503');
    expect(rows).toHaveLength(1);
    const [row] = rows as [OutboxRow];
    expect(row.subjects).toEqual(['cppcc.evt.330000.330500.330503.member.created']);
    expect(validateEvent(row.envelope)).toMatchObject({ ok: true });
    expect(row.envelope).toMatchObject({
      eventId: row.event_id,
      type: 'member.created',
      originRegion: '330503',
      aggregate: { type: 'member', id: memberId, version: 1 },
      payload: { snapshot: { id: memberId, name: '沈丽华', linkedVillages: ['330503102001'] } },
    });
    expect(await outbox('330500')).toEqual([]);
  });

  it('records member.updated with the whole member after the change', async () => {
    const updated = await gql(update, { id: memberId, v: 1, input: { sector: '农业和农村界' } });
    expect(updated.data.updateMember.version).toBe(2);
    const rows = await outbox('330503');
    expect(rows).toHaveLength(2);
    expect(rows[1]?.subjects).toEqual(['cppcc.evt.330000.330500.330503.member.updated']);
    expect(validateEvent(rows[1]?.envelope)).toMatchObject({ ok: true });
    expect(rows[1]?.envelope.payload).toMatchObject({
      snapshot: { name: '沈丽华', sector: '农业和农村界', version: 2 },
    });
  });

  it('records nothing for a write that is refused', async () => {
    const badTerm = await gql(create, {
      input: { region: '330503', name: '王建国', sector: '经济界', party: 'CPC', term: 0 },
    });
    expect(badTerm.errors[0].extensions.reason).toBe('MEMBERS_INVALID_TERM');
    const stale = await gql(update, { id: memberId, v: 1, input: { name: '沈丽' } });
    expect(stale.errors[0].extensions.code).toBe('CONFLICT');
    expect(await outbox('330503')).toHaveLength(2);
  });

  it('lets Huzhou read a Nanxun member from its replica, which only moves forward', async () => {
    const [created, updated] = (await outbox('330503')).map((row) => row.envelope) as [
      EventEnvelope,
      EventEnvelope,
    ];
    await applyAsKit('330500', updated);
    const owner = await gql(list, { region: '330503' });
    const replica = await gql(list, { region: '330503' }, huzhou);
    expect(replica.errors).toBeUndefined();
    expect(replica.data.members.totalCount).toBe(1);
    expect(replica.data.members.edges[0].node).toMatchObject({
      sector: '农业和农村界',
      version: 2,
    });
    expect(replica.data).toEqual(owner.data);

    await applyAsKit('330500', created);
    expect(await gql(list, { region: '330503' }, huzhou)).toEqual(replica);
  });

  it('refuses a write to a replica at the node that holds it', async () => {
    const refused = await gql(update, { id: memberId, input: { name: '沈丽' } }, huzhou);
    expect(refused.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(await outbox('330500')).toEqual([]);
  });
});
