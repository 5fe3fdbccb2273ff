import type { EventEnvelope } from '@huishang/schema';
import {
  applyBatch,
  newestOfEach,
  startTestSubgraph,
  tableRows,
  writeStatements,
} from '@huishang/subgraph-kit/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { jointSessionReplication } from '../src/events/apply.js';
import { jointSessionsSubgraph } from '../src/index.js';

// Nanxun 330503 hosts the sessions; Huzhou 330500 applies their events one at a time, as
// the consumer used to, and Zhejiang 330000 in batches: both must end with the host's rows.
const subgraph = await startTestSubgraph(jointSessionsSubgraph, {
  regions: ['330503', '330500', '330000'],
  label: 'joint_sessions_batch_apply',
});
afterAll(() => subgraph.close());
const { gql } = subgraph;

const tablesOf = (region: string) =>
  tableRows(subgraph.db(region), ['joint_session', 'joint_party']);
const apply = (region: string, events: EventEnvelope[]) =>
  applyBatch(subgraph.db(region), jointSessionReplication, events);

/** Applies `events` one by one at Huzhou and as one batch at Zhejiang, then compares. */
async function replicateBothWays(events: EventEnvelope[]) {
  for (const event of events) expect(await subgraph.replicate('330500', event)).toBe(true);
  await apply('330000', newestOfEach(events));
  const owner = await tablesOf('330503');
  expect(await tablesOf('330500')).toEqual(owner);
  expect(await tablesOf('330000')).toEqual(owner);
  return owner;
}

// biome-ignore lint/suspicious/noExplicitAny: results are read by path
async function ok(result: Promise<{ data?: any; errors?: unknown }>): Promise<any> {
  const { data, errors } = await result;
  expect(errors, JSON.stringify(errors)).toBeUndefined();
  return Object.values(data)[0];
}
const session = (i: number) => ({
  region: '330503',
  hostCommittee: '湖州市南浔区政协',
  title: `南浔—平湖古镇保护联合协商 ${i}`,
  kind: 'CROSS_REGION',
  partners: [
    { region: '330482', committee: '平湖市政协' },
    ...(i % 2 ? [{ region: '330521', committee: '德清县政协' }] : []),
  ],
  heldOn: '2024-09-20',
});
const ids: string[] = [];
let all: EventEnvelope[] = [];

describe('batched joint-session replicas', () => {
  it('leaves the same rows for a batch as applied one by one, and as the host has', async () => {
    const rows = await subgraph.eventsOf('330503', async () => {
      for (let i = 0; i < 20; i += 1)
        ids.push(
          (
            await ok(
              gql(
                `mutation($input: CreateJointSessionInput!) { createJointSession(input: $input) { id } }`,
                { input: session(i) },
              ),
            )
          ).id,
        );
    });
    all = rows.map((r) => r.envelope);
    const owner = await replicateBothWays(all);
    expect(owner.joint_session).toHaveLength(20);
    expect(owner.joint_party).toHaveLength(20 * 2 + 10);
  });

  it('replaces what a second batch carries', async () => {
    const rows = await subgraph.eventsOf('330503', async () => {
      for (const id of ids.slice(0, 10))
        await ok(
          gql(`mutation($id: ID!) { advanceJointSession(id: $id, to: PLAN) { version } }`, { id }),
        );
    });
    all.push(...rows.map((r) => r.envelope));
    const owner = await replicateBothWays(rows.map((r) => r.envelope));
    expect(
      owner.joint_session?.filter((s) => (s as { stage: string }).stage === 'PLAN'),
    ).toHaveLength(10);
  });

  it('writes a batch of many with the statements it writes a batch of one with', async () => {
    const newest = newestOfEach(all);
    subgraph.statements.length = 0;
    await apply('330000', newest.slice(0, 1));
    const ofOne = writeStatements(subgraph.statements);
    subgraph.statements.length = 0;
    await apply('330000', newest);
    expect(writeStatements(subgraph.statements)).toEqual(ofOne);
    expect(ofOne).toHaveLength(3);
  });
});
