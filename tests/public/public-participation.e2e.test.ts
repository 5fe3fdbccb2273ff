import { randomUUID } from 'node:crypto';
import { createGraphqlClient, type NodeHost } from '@huishang/infra';
import type { Role } from '@huishang/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayClient, startTestHost } from '../support/hosts.js';

// 乐清 Yueqing's node (政协提案我参与) behind its gateway, open to anonymous readers: a
// member consents to publishing a proposal, a citizen without an account reads it and
// comments, the proposal office moderates, and the citizen sees the approved comment.
let host: NodeHost;

const region = '330382';
const proposerId = randomUUID();
const endpoint = () => `${host.gatewayUrl}/${region}/graphql`;
const as = (subject: string, roles: Role[]) => gatewayClient(host, region, roles, subject);

let proposalId = '';

beforeAll(async () => {
  host = await startTestHost('public_participation_e2e', [region], { anonymousRead: true });
  const admin = await as('seed', ['admin']);
  const { importProposals } = await admin.request<{
    importProposals: { proposals: { id: string }[] };
  }>(
    `mutation($records: [ImportedProposalInput!]!) {
      importProposals(region: "${region}", records: $records) { proposals { id } } }`,
    {
      records: [
        {
          term: 15,
          session: 2,
          number: 8,
          title: '关于加快乐清湾生态修复的建议',
          body: '乐清湾滩涂湿地退化，近岸海域水质有待改善，建议统筹推进生态修复和入湾河道治理。',
          keywords: ['乐清湾', '生态修复'],
          category: 'URBAN_RURAL_DEVELOPMENT',
          status: 'REPLIED',
          proposerId,
          suggestions: ['编制乐清湾生态修复规划', '推进入湾河道综合治理'],
          submittedAt: '2023-02-10T09:00:00+08:00',
          registeredAt: '2023-02-20T09:00:00+08:00',
          assignedAt: '2023-03-01T09:00:00+08:00',
          repliedAt: '2023-05-10T09:00:00+08:00',
          deadline: '2023-06-01',
          units: [{ name: '乐清市自然资源和规划局', role: 'LEAD' }],
          itemReplies: [
            { outcome: 'ADOPTED', text: '已编制乐清湾生态修复专项规划。' },
            { outcome: 'PARTLY_ADOPTED', text: '已启动两条入湾河道综合治理。' },
          ],
        },
      ],
    },
  );
  proposalId = importProposals.proposals[0]?.id as string;
}, 120_000);

afterAll(() => host?.close());

const publicView = `query($id: ID!) { publishedProposal(id: $id) {
  title number replies { outcome text } comments { authorName body } } }`;

describe('public participation through the gateway', () => {
  it('lets a citizen without an account read and comment only once the proposer consents', async () => {
    const citizen = createGraphqlClient(endpoint());
    const hidden = await citizen.send(`{ proposals(region: "${region}") { totalCount } }`);
    expect(hidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(
      (await citizen.request<{ publishedProposal: null }>(publicView, { id: proposalId }))
        .publishedProposal,
    ).toBeNull();

    const member = await as(proposerId, ['member']);
    await member.request(`mutation($id: ID!) { publishProposal(id: $id) { id } }`, {
      id: proposalId,
    });
    // publishing is not one of the public mutations: the gateway refuses it without a token
    const anonymousPublish = await citizen.send(
      `mutation($id: ID!) { publishProposal(id: $id) { id } }`,
      { id: proposalId },
    );
    expect(anonymousPublish.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const { publishedProposal } = await citizen.request<{
      publishedProposal: { title: string; number: string; replies: unknown[] };
    }>(publicView, { id: proposalId });
    expect(publishedProposal).toMatchObject({
      title: '关于加快乐清湾生态修复的建议',
      number: '第15届第2次会议第8号',
      replies: [
        { outcome: 'ADOPTED', text: '已编制乐清湾生态修复专项规划。' },
        { outcome: 'PARTLY_ADOPTED', text: '已启动两条入湾河道综合治理。' },
      ],
    });

    const { commentOnProposal } = await citizen.request<{
      commentOnProposal: { id: string; status: string };
    }>(
      `mutation($id: ID!) { commentOnProposal(proposalId: $id, body: "希望同步建设滨海绿道。", authorName: "虹桥镇居民") { id status } }`,
      { id: proposalId },
    );
    expect(commentOnProposal.status).toBe('PENDING');
    const beforeApproval = await citizen.request<{ publishedProposal: { comments: unknown[] } }>(
      publicView,
      { id: proposalId },
    );
    expect(beforeApproval.publishedProposal.comments).toEqual([]);

    const office = await as('王敏', ['staff']);
    const { proposalComments } = await office.request<{
      proposalComments: { edges: { node: { id: string } }[] };
    }>(`{ proposalComments(region: "${region}") { edges { node { id } } } }`);
    expect(proposalComments.edges.map((e) => e.node.id)).toEqual([commentOnProposal.id]);
    await office.request(
      `mutation($id: ID!) { moderateProposalComment(id: $id, decision: APPROVE) { status } }`,
      { id: commentOnProposal.id },
    );

    const afterApproval = await citizen.request<{ publishedProposal: { comments: unknown[] } }>(
      publicView,
      { id: proposalId },
    );
    expect(afterApproval.publishedProposal.comments).toEqual([
      { authorName: '虹桥镇居民', body: '希望同步建设滨海绿道。' },
    ]);
  });
});
