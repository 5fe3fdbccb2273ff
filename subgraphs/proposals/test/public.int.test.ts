import { randomUUID } from 'node:crypto';
import { validateEvent } from '@huishang/schema';
import { startTestSubgraph, type TestCaller } from '@huishang/subgraph-kit/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { proposalsSubgraph } from '../src/index.js';
import { historicalRecord, importMutation } from './historical-records.js';

// Yueqing 乐清 330382 (政协提案我参与); the public reads and comments on Yueqing's own node.
const subgraph = await startTestSubgraph(proposalsSubgraph, {
  regions: ['330382'],
  label: 'proposals_public',
});
afterAll(() => subgraph.close());
const { gql } = subgraph;

const proposerId = randomUUID();
const publicCaller: TestCaller = { region: '330382', roles: ['public'], subject: 'anonymous' };
const proposer: TestCaller = { region: '330382', roles: ['member'], subject: proposerId };
const anotherMember: TestCaller = { region: '330382', roles: ['member'], subject: randomUUID() };
const admin: TestCaller = { region: '330382', roles: ['admin'] };

const [published, unpublished] = (
  await gql(
    importMutation,
    {
      region: '330382',
      records: [
        historicalRecord({
          term: 15,
          proposerId,
          title: '关于加快乐清湾生态修复的建议',
          units: [{ name: '乐清市自然资源和规划局', role: 'LEAD' }],
        }),
        historicalRecord({ term: 15, number: 2, title: '关于完善城区停车设施的建议' }),
      ],
    },
    admin,
  )
).data.importProposals.proposals.map((p: { id: string }) => p.id);

const publish = `mutation($id: ID!) { publishProposal(id: $id) { id version publishedAt } }`;
const comment = `mutation($proposalId: ID!, $body: String!, $authorName: String) {
  commentOnProposal(proposalId: $proposalId, body: $body, authorName: $authorName) {
    id proposalId body authorName status reason } }`;
const moderate = `mutation($id: ID!, $decision: ModerationDecision!, $reason: String) {
  moderateProposalComment(id: $id, decision: $decision, reason: $reason) { id status reason moderatedAt } }`;
const publicView = `query($id: ID!) { publishedProposal(id: $id) {
  id title number status suggestions { seq text } handlingUnits { name role }
  replies { suggestionSeq unit outcome text } publishedAt comments { authorName body } } }`;
const publicList = `{ publishedProposals(region: "330382") { totalCount edges { node { id title } } } }`;
const queue = `query($status: CommentStatus) { proposalComments(region: "330382", status: $status) {
  totalCount edges { node { id body status reason } } } }`;

describe('public participation', () => {
  it('shows the public nothing but published proposals, and no staff views at all', async () => {
    expect((await gql(publicList, {}, publicCaller)).data.publishedProposals.totalCount).toBe(0);
    expect(
      (await gql(publicView, { id: unpublished }, publicCaller)).data.publishedProposal,
    ).toBeNull();
    for (const query of [
      `{ proposals(region: "330382") { totalCount } }`,
      `{ proposal(id: "${unpublished}") { id } }`,
      `{ proposalStatistics(region: "330382") { total { total } } }`,
      `{ searchProposals(query: "停车", region: "330382") { totalCount } }`,
    ]) {
      const refused = await gql(query, {}, publicCaller);
      expect(refused.errors[0].extensions.code, query).toBe('FORBIDDEN');
    }
  });

  it('publishes with the proposer’s consent, once, and never for someone else', async () => {
    const refused = await gql(publish, { id: published }, anotherMember);
    expect(refused.errors[0].extensions.code).toBe('FORBIDDEN');
    const byPublic = await gql(publish, { id: published }, publicCaller);
    expect(byPublic.errors[0].extensions.code).toBe('FORBIDDEN');

    const events = await subgraph.eventsOf('330382', async () => {
      const result = await gql(publish, { id: published }, proposer);
      expect(result.errors).toBeUndefined();
      expect(result.data.publishProposal).toMatchObject({
        version: 2,
        publishedAt: expect.any(String),
      });
      // publishing again changes nothing
      expect((await gql(publish, { id: published }, proposer)).data.publishProposal.version).toBe(
        2,
      );
    });
    expect(events.map((e) => e.envelope.type)).toEqual(['proposal.published']);
    expect(validateEvent(events[0]?.envelope)).toMatchObject({ ok: true });

    const list = (await gql(publicList, {}, publicCaller)).data.publishedProposals;
    expect(list).toEqual({
      totalCount: 1,
      edges: [{ node: { id: published, title: '关于加快乐清湾生态修复的建议' } }],
    });
    const view = (await gql(publicView, { id: published }, publicCaller)).data.publishedProposal;
    expect(view).toMatchObject({
      number: '第15届第1次会议第1号',
      handlingUnits: [{ name: '乐清市自然资源和规划局', role: 'LEAD' }],
      replies: [
        { suggestionSeq: 1, outcome: 'ADOPTED' },
        { suggestionSeq: 2, outcome: 'PARTLY_ADOPTED' },
      ],
      comments: [],
    });
    // the public type has no proposer, evaluations or internal fields to ask for
    const hidden = await gql(
      `{ publishedProposal(id: "${published}") { proposer { id } } }`,
      {},
      publicCaller,
    );
    expect(hidden.data).toBeNull();
    expect(hidden.errors).toHaveLength(1);
  });

  it('holds public comments until staff approve them, and keeps rejected ones out of sight', async () => {
    const refusedUnpublished = await gql(
      comment,
      { proposalId: unpublished, body: '支持！' },
      publicCaller,
    );
    expect(refusedUnpublished.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'PROPOSALS_NOT_PUBLISHED',
    });
    for (const body of ['   ', '好'.repeat(501)]) {
      const refused = await gql(comment, { proposalId: published, body }, publicCaller);
      expect(refused.errors[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: { field: 'body' },
      });
    }

    const events = await subgraph.eventsOf('330382', async () => {
      for (const body of ['建议同步治理入湾河道，效果更好。', '加微信领红包']) {
        const result = await gql(
          comment,
          { proposalId: published, body, authorName: '乐清市民' },
          publicCaller,
        );
        expect(result.data.commentOnProposal).toMatchObject({
          body,
          status: 'PENDING',
          reason: null,
        });
      }
    });
    expect(events.map((e) => e.envelope.type)).toEqual(Array(2).fill('proposal-comment.submitted'));
    for (const { envelope } of events) expect(validateEvent(envelope)).toMatchObject({ ok: true });

    const view = () => gql(publicView, { id: published }, publicCaller);
    expect((await view()).data.publishedProposal.comments).toEqual([]);
    const pending = (await gql(queue, {})).data.proposalComments;
    expect(pending.totalCount).toBe(2);
    const [spam, useful] = pending.edges.map((e: { node: { id: string } }) => e.node.id);
    expect((await gql(queue, {}, publicCaller)).errors[0].extensions.code).toBe('FORBIDDEN');

    const noReason = await gql(moderate, { id: spam, decision: 'REJECT' });
    expect(noReason.errors[0].extensions).toMatchObject({
      reason: 'PROPOSALS_REASON_REQUIRED',
      fields: { action: 'reject' },
    });
    const byPublic = await gql(moderate, { id: useful, decision: 'APPROVE' }, publicCaller);
    expect(byPublic.errors[0].extensions.code).toBe('FORBIDDEN');

    const moderated = await subgraph.eventsOf('330382', async () => {
      await gql(moderate, { id: spam, decision: 'REJECT', reason: '含广告内容' });
      await gql(moderate, { id: useful, decision: 'APPROVE' });
    });
    expect(moderated.map((e) => e.envelope.type)).toEqual(
      Array(2).fill('proposal-comment.moderated'),
    );
    for (const { envelope } of moderated)
      expect(validateEvent(envelope)).toMatchObject({ ok: true });

    expect((await view()).data.publishedProposal.comments).toEqual([
      { authorName: '乐清市民', body: '建议同步治理入湾河道，效果更好。' },
    ]);
    expect((await gql(queue, { status: 'REJECTED' })).data.proposalComments.edges).toEqual([
      { node: { id: spam, body: '加微信领红包', status: 'REJECTED', reason: '含广告内容' } },
    ]);

    const twice = await gql(moderate, { id: spam, decision: 'APPROVE' });
    expect(twice.errors[0].extensions).toMatchObject({
      reason: 'PROPOSALS_COMMENT_MODERATED',
      fields: { state: 'REJECTED', allowedActions: [] },
    });
  });

  it('leaves one source at most ten comments waiting for moderation, others unaffected', async () => {
    // The gateway names each anonymous address by a pseudonym of its own.
    const flooder: TestCaller = { region: '330382', roles: ['public'], subject: 'anonymous:f1' };
    const neighbour: TestCaller = { region: '330382', roles: ['public'], subject: 'anonymous:n2' };
    const send = (caller: TestCaller, n: number) =>
      gql(comment, { proposalId: published, body: `乐清湾滩涂整治建议（第${n}条）` }, caller);
    const waiting = async () => (await gql(queue, { status: 'PENDING' })).data.proposalComments;
    const before = (await waiting()).totalCount;
    for (let n = 1; n <= 10; n++) expect((await send(flooder, n)).errors).toBeUndefined();
    const refused = await send(flooder, 11);
    expect(refused.errors[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'KIT_TOO_MANY_PENDING',
      fields: { limit: 10 },
    });
    expect((await waiting()).totalCount).toBe(before + 10);
    expect((await send(neighbour, 101)).errors).toBeUndefined();

    // Once staff review one of its comments, the source may send one more.
    const { edges } = await waiting();
    const oldest = edges.find((e: { node: { body: string } }) => e.node.body.includes('第1条'));
    const approved = await gql(moderate, { id: oldest.node.id, decision: 'APPROVE' });
    expect(approved.errors).toBeUndefined();
    expect((await send(flooder, 12)).errors).toBeUndefined();
    expect((await send(flooder, 13)).errors[0].extensions.reason).toBe('KIT_TOO_MANY_PENDING');
  });
});
