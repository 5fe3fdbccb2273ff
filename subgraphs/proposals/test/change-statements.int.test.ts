import { randomUUID } from 'node:crypto';
import { startTestSubgraph } from '@huishang/subgraph-kit/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { findProposalDetail } from '../src/data/proposals.js';
import { proposalSnapshot } from '../src/events/proposal-snapshot.js';
import type { PrismaClient } from '../src/generated/prisma/client.js';
import { proposalsSubgraph } from '../src/index.js';

// What one change of a proposal costs the database, pinned: the kit's `changeVersioned`
// locks and moves the row in one statement, and the event's snapshot is built from the
// rows read before and written in the change, never from a second read of the proposal
// and all its child rows. Each event must still carry what a fresh read shows.
const subgraph = await startTestSubgraph(proposalsSubgraph, {
  regions: ['330503'],
  label: 'proposals_change_statements',
});
afterAll(() => subgraph.close());
const { gql, statements } = subgraph;
const db = subgraph.db('330503') as PrismaClient;

const answer = async (query: string, variables: Record<string, unknown>) => {
  const result = await gql(query, variables);
  expect(result.errors).toBeUndefined();
  return Object.values(result.data)[0] as { id: string; version: number };
};

/** Runs a change that records one event, whose snapshot must be what a fresh read shows. */
async function changed(query: string, variables: Record<string, unknown>) {
  let result: { id: string; version: number } | undefined;
  const events = await subgraph.eventsOf('330503', async () => {
    result = await answer(query, variables);
  });
  expect(events).toHaveLength(1);
  const fresh = await findProposalDetail(db, result?.id ?? '');
  expect(events[0]?.envelope.payload).toEqual({ snapshot: proposalSnapshot(fresh as never) });
  return result as { id: string; version: number };
}

async function assigned(): Promise<string> {
  const { id } = await changed(
    `mutation($input: SubmitProposalInput!) { submitProposal(input: $input) { id } }`,
    {
      input: {
        region: '330503',
        term: 10,
        session: 3,
        title: '关于完善农村客运班线公交化改造的建议',
        body: '部分偏远行政村客运班次少、候车设施简陋，群众出行不便，建议推进农村客运公交化改造。',
        keywords: ['农村客运'],
        category: 'URBAN_RURAL_DEVELOPMENT',
        proposerId: randomUUID(),
        suggestions: ['优化班线布局', '完善候车设施'],
      },
    },
  );
  for (const step of ['signInProposal', 'preReviewProposal', 'registerProposal'])
    await changed(`mutation($id: ID!) { ${step}(id: $id) { id } }`, { id });
  const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await changed(
    `mutation($id: ID!, $units: [HandlingUnitInput!]!, $deadline: String!) {
      assignProposal(id: $id, units: $units, deadline: $deadline) { id } }`,
    {
      id,
      units: [
        { name: '南浔区住房和城乡建设局', role: 'CO' },
        { name: '南浔区交通运输局', role: 'LEAD' },
      ],
      deadline,
    },
  );
  return id;
}

/** The statements between the change's BEGIN and its COMMIT. */
const inTransaction = (sent: string[]) =>
  sent.slice(
    sent.findIndex((s) => /^\s*BEGIN/i.test(s)) + 1,
    sent.findIndex((s) => /^\s*COMMIT/i.test(s)),
  );

const reply = `mutation($id: ID!, $unit: String!, $items: [ItemReplyInput!]!) {
  replyToProposal(id: $id, unit: $unit, items: $items) { id version } }`;
const item = (suggestionSeq: number) => ({
  suggestionSeq,
  outcome: 'ADOPTED',
  text: '已纳入年度重点工作，相关措施正在落实。',
});

describe('one proposal change', () => {
  it('takes a pinned number of statements: the lock, the reminder and its event', async () => {
    const id = await assigned();
    statements.length = 0;
    const reminded = await answer(
      `mutation($id: ID!, $note: String!) { remindProposal(id: $id, note: $note) {
        id version urges { kind note } handlingUnits { name } suggestions { seq } } }`,
      { id, note: '请于本周内报送办理进度' },
    );
    expect(reminded.version).toBe(6);
    const sent = [...statements];
    expect(sent.filter((s) => /^\s*BEGIN/i.test(s))).toHaveLength(1);
    // before changeVersioned: 25 in the request, 13 in the change (the detail read again)
    expect({ request: sent.length, change: inTransaction(sent).length }).toEqual({
      request: 15,
      change: 3,
    });
    expect(inTransaction(sent)).toEqual([
      expect.stringMatching(/^UPDATE "proposals_330503"\."proposal" SET "version"/),
      expect.stringMatching(/^INSERT INTO "proposals_330503"\."handling_urge"/),
      expect.stringMatching(/^INSERT INTO "proposals_330503"\._outbox/),
    ]);
  });

  it('carries in each event what a fresh read shows, the rows it adds in their order', async () => {
    const id = await assigned();
    await changed(
      `mutation($id: ID!, $note: String!) { escalateProposal(id: $id, note: $note) { id } }`,
      { id, note: '提请分管领导督办' },
    );
    await changed(reply, { id, unit: '南浔区住房和城乡建设局', items: [item(2), item(1)] });
    await changed(reply, { id, unit: '南浔区交通运输局', items: [item(1), item(2)] });
  });
});
