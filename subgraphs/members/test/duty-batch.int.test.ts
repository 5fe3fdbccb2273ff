import { consultationsSubgraph } from '@huishang/consultations';
import { proposalsSubgraph } from '@huishang/proposals';
import type { EventEnvelope } from '@huishang/schema';
import { newId } from '@huishang/subgraph-kit';
import {
  applyBatch,
  newestOfEach,
  startTestSubgraph,
  type TestCaller,
  type TestSubgraph,
  tableRows,
  writeStatements,
} from '@huishang/subgraph-kit/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { dutyDerivation } from '../src/events/duty.js';
import { membersSubgraph } from '../src/index.js';

// Nanxun's proposals and consultations, written by their own subgraphs, are derived into
// Nanxun's duty records twice: one event at a time, as the consumer used to, and in batches.
const region = '330503';
const proposals = await startTestSubgraph(proposalsSubgraph, {
  regions: [region],
  label: 'members_duty_batch_proposals',
});
const consultations = await startTestSubgraph(consultationsSubgraph, {
  regions: [region],
  label: 'members_duty_batch_consultations',
});
const oneByOne = await startTestSubgraph(membersSubgraph, {
  regions: [region],
  label: 'members_duty_one_by_one',
});
const batched = await startTestSubgraph(membersSubgraph, {
  regions: [region],
  label: 'members_duty_batched',
});
afterAll(async () => {
  for (const s of [proposals, consultations, oneByOne, batched]) await s.close();
});
const admin: TestCaller = { region, roles: ['admin'] };

const members = Array.from({ length: 12 }, () => newId());
const recordsOf = async (subgraph: typeof batched) =>
  (await tableRows(subgraph.db(region), ['duty_record'])).duty_record ?? [];

/** Derives `events` one by one, and their newest of each as one batch, then compares. */
async function deriveBothWays(events: EventEnvelope[]) {
  for (const event of events) await oneByOne.derive(region, event);
  await applyBatch(batched.db(region), dutyDerivation, newestOfEach(events));
  const records = await recordsOf(oneByOne);
  expect(await recordsOf(batched)).toEqual(records);
  return records;
}

// biome-ignore lint/suspicious/noExplicitAny: results are read by path
async function ok(result: Promise<{ data?: any; errors?: unknown }>): Promise<any> {
  const { data, errors } = await result;
  expect(errors, JSON.stringify(errors)).toBeUndefined();
  return Object.values(data)[0];
}
const outboxOf = async (subgraphs: TestSubgraph[], write: () => Promise<unknown>) => {
  const before = await Promise.all(subgraphs.map(async (s) => (await s.outbox(region)).length));
  await write();
  const after = await Promise.all(subgraphs.map((s) => s.outbox(region)));
  return after.flatMap((rows, i) => rows.slice(before[i]).map((r) => r.envelope));
};

const proposal = (i: number) => ({
  region,
  term: 12,
  session: 3,
  title: `关于加强南浔古镇保护与活化利用的建议 ${i}`,
  body: '南浔古镇的保护与活化利用是群众普遍关心的问题。百间楼等历史街区民居老化，消防、排水等设施不足。',
  keywords: ['古镇保护'],
  category: 'CULTURE_HISTORY',
  proposerId: members[i % 12],
  coProposerIds: [members[(i + 1) % 12], members[(i + 2) % 12]],
  suggestions: ['编制百间楼历史街区保护利用专项规划'],
});
const hall = (i: number) => ({
  region,
  title: `练市镇民生议事 ${i}`,
  platform: 'LIVELIHOOD_HALL',
  topicSource: 'PUBLIC',
  venue: '330503102',
  heldOn: '2024-05-10',
  participants: [
    { name: '沈丽华', kind: 'MEMBER', memberId: members[i % 12] },
    { name: '钱志明', kind: 'MEMBER', memberId: members[(i + 5) % 12], attended: false },
  ],
  suggestions: [{ text: '早晚高峰加密班次', adoption: 'ADOPTED' }],
});
const proposalIds: string[] = [];
let all: EventEnvelope[] = [];

describe('batched duty derivation', () => {
  it('derives the same records from a batch as from its events one by one', async () => {
    all = await outboxOf([proposals, consultations], async () => {
      for (let i = 0; i < 20; i += 1)
        proposalIds.push(
          (
            await ok(
              proposals.gql(
                `mutation($input: SubmitProposalInput!) { submitProposal(input: $input) { id } }`,
                { input: proposal(i) },
              ),
            )
          ).id,
        );
      await ok(
        consultations.gql(
          `mutation($records: [ImportConsultationInput!]!) { importConsultations(records: $records) { count } }`,
          { records: Array.from({ length: 10 }, (_, i) => hall(i)) },
          admin,
        ),
      );
    });
    expect(all).toHaveLength(30);
    const records = await deriveBothWays(all);
    expect(records).toHaveLength(20 * 3 + 10);
  });

  it('replaces the records of the sources a second batch carries', async () => {
    const events = await outboxOf([proposals], async () => {
      for (const id of proposalIds.slice(0, 10))
        await ok(proposals.gql(`mutation($id: ID!) { signInProposal(id: $id) { id } }`, { id }));
    });
    all.push(...events);
    const records = await deriveBothWays(events);
    const detail = (d: string) => records.filter((r) => (r as { detail: string }).detail === d);
    expect(detail('SIGNED_IN')).toHaveLength(30);
    expect(detail('SUBMITTED')).toHaveLength(30);
  });

  it('writes a batch of many with the statements it writes a batch of one with', async () => {
    const newest = newestOfEach(all);
    batched.statements.length = 0;
    await applyBatch(batched.db(region), dutyDerivation, newest.slice(0, 1));
    const ofOne = writeStatements(batched.statements);
    batched.statements.length = 0;
    await applyBatch(batched.db(region), dutyDerivation, newest);
    expect(writeStatements(batched.statements)).toEqual(ofOne);
    // the records deleted and inserted, the summaries of the members touched brought in step
    expect(ofOne).toHaveLength(3);
  });
});
