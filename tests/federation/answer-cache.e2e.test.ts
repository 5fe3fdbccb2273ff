import { keptAnswerHeader } from '@huishang/gateway';
import { hostToken, type NodeHost } from '@huishang/infra';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BusTestbed, gatewayClient, startBusTestbed, until } from '../support/hosts.js';

// The province keeps its answers until its data changes: Nanxun's proposal, applied to the
// province's replicas, changes the province's kept answer, without any write at the
// province. The province, Huzhou and Nanxun run in one host, each its own NATS user.
const regions = ['330000', '330500', '330503'];
const statistics = '{ proposalStatistics(region: "330000") { total { total } } }';

let testbed: BusTestbed;
let host: NodeHost;
let provinceToken: string;

/** The province's answer as its staff see it, and whether it came from the cache. */
async function provinceTotal() {
  const response = await fetch(`${host.gatewayUrl}/330000/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${provinceToken}` },
    body: JSON.stringify({ query: statistics }),
  });
  const { data } = (await response.json()) as {
    data: { proposalStatistics: { total: { total: number } } };
  };
  return {
    total: data.proposalStatistics.total.total,
    kept: response.headers.get(keptAnswerHeader) === 'kept',
  };
}

async function submitAtNanxun(title: string) {
  const nanxun = await gatewayClient(host, '330503');
  const { createMember } = await nanxun.request<{ createMember: { id: string } }>(
    `mutation($input: CreateMemberInput!) { createMember(input: $input) { id } }`,
    { input: { region: '330503', name: '沈建华', sector: '经济界', party: 'CNDCA', term: 10 } },
  );
  await nanxun.request(
    `mutation($input: SubmitProposalInput!) { submitProposal(input: $input) { id } }`,
    {
      input: {
        region: '330503',
        term: 10,
        session: 3,
        title,
        body: '頔塘故道沿线古桥年久失修，建议统筹文保资金，分批修缮并设立保护标识。',
        category: 'CULTURE_HISTORY',
        proposerId: createMember.id,
        suggestions: ['编制古桥修缮计划'],
      },
    },
  );
}

beforeAll(async () => {
  testbed = await startBusTestbed('answer_cache_e2e', regions);
  host = await testbed.startHost(regions, { poolSize: 10 });
  provinceToken = await hostToken(host.gateway, {
    subject: '浙江省政协提案委',
    region: '330000',
    roles: ['staff'],
    nodes: ['330000'],
  });
  await submitAtNanxun('关于修缮頔塘故道古桥的建议');
}, 120_000);

afterAll(async () => {
  await testbed?.close();
});

describe('answers kept at the province', () => {
  it('are served again while nothing changes, and change once a county event is applied', async () => {
    const first = await until(provinceTotal, (answer) => answer.total === 1);
    expect(first.total).toBe(1);
    // asked again, the same answer comes from the cache
    const kept = await until(provinceTotal, (answer) => answer.kept);
    expect(kept).toEqual({ total: 1, kept: true });

    await submitAtNanxun('关于南浔古镇文旅融合发展的建议');
    const changed = await until(provinceTotal, (answer) => answer.total === 2);
    expect(changed.total).toBe(2);
    expect(await until(provinceTotal, (answer) => answer.kept)).toEqual({ total: 2, kept: true });
  });
});
