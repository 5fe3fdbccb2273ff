import { randomUUID } from 'node:crypto';
import { validateEvent } from '@huishang/schema';
import {
  type GraphQLResponseBody,
  inDays,
  startTestSubgraph,
  type TestCaller,
  type TestOutboxRow,
} from '@huishang/subgraph-kit/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { proposalReplication } from '../src/events/apply.js';
import { proposalsSubgraph } from '../src/index.js';

// Nanxun 330503 writes; Huzhou 330500, its city, keeps replicas. Both schemas live in one
// database here, as on a machine that hosts both nodes.
const subgraph = await startTestSubgraph(proposalsSubgraph, {
  regions: ['330503', '330500'],
  label: 'proposals_events',
});
afterAll(() => subgraph.close());
const { gql, outbox } = subgraph;

const huzhou: TestCaller = { region: '330500', node: '330500' };

/** Runs a write and returns the rows it added to Nanxun's outbox. */
const eventsOf = (write: () => Promise<unknown>) => subgraph.eventsOf('330503', write);

/** Runs a write that must add exactly one outbox row, and returns that row. */
async function theEventOf(write: () => Promise<unknown>): Promise<TestOutboxRow> {
  const events = await eventsOf(write);
  expect(events).toHaveLength(1);
  return events[0] as TestOutboxRow;
}

const fields = `id number status title keywords category version colour deadline isKey
  region { code } proposer { id } coProposers { id } collectiveProposer
  suggestions { seq text } handlingUnits { name role }
  replies { suggestionSeq unit outcome text repliedAt }
  evaluations { by rating comment evaluatedAt }
  submittedAt registeredAt assignedAt repliedAt createdAt updatedAt`;
const submit = `mutation($input: SubmitProposalInput!) { submitProposal(input: $input) { ${fields} } }`;
const register = `mutation($id: ID!) { registerProposal(id: $id) { ${fields} } }`;
const signIn = `mutation($id: ID!) { signInProposal(id: $id) { ${fields} } }`;
const preReview = `mutation($id: ID!) { preReviewProposal(id: $id) { ${fields} } }`;
/** 签收 and 预审, so that 复审 may register the proposal. */
async function reviewed(id: string) {
  for (const step of [signIn, preReview]) expect((await gql(step, { id })).errors).toBeUndefined();
}
const assign = `mutation($id: ID!, $units: [HandlingUnitInput!]!, $deadline: String!) {
  assignProposal(id: $id, units: $units, deadline: $deadline) { ${fields} } }`;
const reply = `mutation($id: ID!, $unit: String!, $items: [ItemReplyInput!]!) {
  replyToProposal(id: $id, unit: $unit, items: $items) { ${fields} } }`;
const evaluate = `mutation($id: ID!, $by: EvaluationParty!, $rating: Satisfaction!, $comment: String) {
  evaluateProposal(id: $id, by: $by, rating: $rating, comment: $comment) { ${fields} } }`;
const nanxunProposals = `{ proposals(region: "330503", first: 100) { totalCount edges { node { ${fields} } } } }`;

const ancientTown = {
  region: '330503',
  term: 10,
  session: 3,
  title: '关于加强南浔古镇保护与活化利用的建议',
  body: '南浔古镇的保护与活化利用是群众普遍关心的问题。百间楼等历史街区民居老化，消防、排水等设施不足。',
  keywords: ['古镇保护', '百间楼'],
  category: 'CULTURE_HISTORY',
  proposerId: randomUUID(),
  coProposerIds: [randomUUID()],
  suggestions: ['编制百间楼历史街区保护利用专项规划', '设立古建筑修缮专项资金'],
};
const lead = '南浔区文化和广电旅游体育局';
const coUnit = '南浔区住房和城乡建设局';
const units = [
  { name: lead, role: 'LEAD' },
  { name: coUnit, role: 'CO' },
];
const adopted = (suggestionSeq: number) => ({
  suggestionSeq,
  outcome: 'ADOPTED',
  text: '已纳入年度重点工作，相关措施正在落实。',
});

/** Submits a proposal and returns its id. */
async function submitted(input: Record<string, unknown> = ancientTown): Promise<string> {
  const result = await gql(submit, { input });
  expect(result.errors).toBeUndefined();
  return result.data.submitProposal.id;
}

describe('proposal events', () => {
  it('records each change as one event on the owner’s subject, carrying the proposal after it', async () => {
    let id = '';
    let shown: GraphQLResponseBody = {};
    const steps: [string, () => Promise<GraphQLResponseBody>][] = [
      ['proposal.submitted', () => gql(submit, { input: ancientTown })],
      ['proposal.signed-in', () => gql(signIn, { id })],
      ['proposal.pre-reviewed', () => gql(preReview, { id })],
      ['proposal.registered', () => gql(register, { id })],
      ['proposal.assigned', () => gql(assign, { id, units, deadline: inDays(30) })],
      ['proposal.replied', () => gql(reply, { id, unit: lead, items: [1, 2].map(adopted) })],
      ['proposal.evaluated', () => gql(evaluate, { id, by: 'PROPOSER', rating: 'SATISFIED' })],
    ];
    for (const [index, [type, write]] of steps.entries()) {
      const { subjects, envelope } = await theEventOf(async () => {
        shown = Object.values((await write()).data)[0];
        id = shown.id;
      });
      expect(subjects).toEqual([`cppcc.evt.330000.330500.330503.${type}`]);
      expect(validateEvent(envelope)).toMatchObject({ ok: true });
      expect(envelope).toMatchObject({
        type,
        originRegion: '330503',
        aggregate: { type: 'proposal', id, version: index + 1 },
        payload: {
          snapshot: {
            id,
            version: index + 1,
            status: shown.status,
            suggestions: shown.suggestions,
            handlingUnits: shown.handlingUnits,
            replies: shown.replies,
            evaluations: shown.evaluations,
            updatedAt: shown.updatedAt,
          },
        },
      });
    }
    expect(shown).toMatchObject({ status: 'EVALUATED', number: '第10届第3次会议第1号' });
  });

  it('records nothing for a refused write', async () => {
    const id = await submitted();
    await reviewed(id);
    await gql(register, { id });
    const refusals: [string, () => Promise<GraphQLResponseBody>][] = [
      ['CONFLICT', () => gql(register, { id })],
      ['CONFLICT', () => gql(reply, { id, unit: lead, items: [adopted(1)] })],
      ['BAD_USER_INPUT', () => gql(assign, { id, units: [], deadline: inDays(30) })],
      [
        'BAD_USER_INPUT',
        () =>
          gql(submit, { input: { ...ancientTown, collectiveProposer: '民建南浔区基层委员会' } }),
      ],
      ['FORBIDDEN', () => gql(submit, { input: ancientTown }, { region: '330482' })],
    ];
    for (const [code, write] of refusals) {
      const events = await eventsOf(async () => {
        const result = await write();
        expect(result.errors?.[0].extensions.code).toBe(code);
      });
      expect(events).toEqual([]);
    }
  });
});

describe('proposal replicas', () => {
  /** Applies every event Nanxun has recorded, each in its own transaction, as the consumer does. */
  async function replicateNanxun() {
    for (const { envelope } of await outbox('330503')) await subgraph.replicate('330500', envelope);
  }

  it('lets Huzhou answer for Nanxun’s proposals exactly as Nanxun does, and refuses writes there', async () => {
    expect(proposalsSubgraph.replication).toBe(proposalReplication);
    const handling = await submitted({
      ...ancientTown,
      title: '关于推进农村生活污水治理设施长效运维的建议',
    });
    await reviewed(handling);
    await gql(register, { id: handling });
    await gql(assign, { id: handling, units, deadline: inDays(3) });
    await gql(reply, {
      id: handling,
      unit: coUnit,
      items: [{ suggestionSeq: 2, outcome: 'PARTLY_ADOPTED', text: '将争取省级专项资金。' }],
    });

    await replicateNanxun();
    const atNanxun = await gql(nanxunProposals);
    const atHuzhou = await gql(nanxunProposals, {}, huzhou);
    expect(atHuzhou.errors).toBeUndefined();
    expect(atHuzhou).toEqual(atNanxun);
    const replica = atHuzhou.data.proposals.edges.find(
      (edge: { node: { id: string } }) => edge.node.id === handling,
    ).node;
    expect(replica).toMatchObject({
      number: expect.stringMatching(/^第10届第3次会议第\d+号$/),
      status: 'ASSIGNED',
      colour: 'YELLOW',
      region: { code: '330503' },
      handlingUnits: units,
      replies: [{ suggestionSeq: 2, unit: coUnit, outcome: 'PARTLY_ADOPTED' }],
    });

    // the same events again change nothing
    await replicateNanxun();
    expect(await gql(nanxunProposals, {}, huzhou)).toEqual(atNanxun);

    const refused = await gql(
      reply,
      { id: handling, unit: lead, items: [1, 2].map(adopted) },
      huzhou,
    );
    expect(refused.errors[0].extensions.code).toBe('FORBIDDEN');
    const foreign = await gql(submit, { input: ancientTown }, huzhou);
    expect(foreign.errors[0].extensions.code).toBe('FORBIDDEN');
    // a replica publishes nothing of its own, and Huzhou's 案号 counter stays untouched
    expect(await outbox('330500')).toEqual([]);
    expect(await subgraph.db('330500').proposalCounter.count()).toBe(0);
  });

  it('replaces a replica’s children with those of a newer snapshot', async () => {
    const id = await submitted();
    await reviewed(id);
    await gql(register, { id });
    await gql(assign, { id, units, deadline: inDays(30) });
    await replicateNanxun();
    const latest = await theEventOf(() =>
      gql(reply, { id, unit: lead, items: [1, 2].map(adopted) }),
    );
    await subgraph.replicate('330500', latest.envelope);
    const byId = `query($id: ID!) { proposal(id: $id) { ${fields} } }`;
    const replica = (await gql(byId, { id }, huzhou)).data.proposal;
    expect(replica).toEqual((await gql(byId, { id })).data.proposal);
    expect(replica).toMatchObject({ status: 'REPLIED', colour: null, version: 6 });
    expect(replica.replies).toHaveLength(2);
  });
});
