import { type GraphqlClient, type NodeHost, seedDemo } from '@huishang/infra';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BusTestbed, gatewayClient, startBusTestbed, until } from '../support/hosts.js';
import { submitProposalAt } from '../support/proposals.js';

// Nodes of two Zhejiang levels above Nanxun, of Suzhou/Wujiang and of Shanghai, in one
// process but each on the bus as its own NATS user in its province's account (the
// generated accounts config on a nats-server of the test's own), seeded with the demo
// data. Everything is read through the gateways, as each node's staff.
const regions = ['330000', '330500', '330503', '320500', '320509', '310000'];

let testbed: BusTestbed;
let host: NodeHost;

const staff = (region: string, node = region) =>
  gatewayClient(host, region, ['staff'], `t-${region}`, node);

type Api = GraphqlClient;

/** A region's proposals as a node lists them: their count and ids. */
async function proposalsAt(api: Api, region: string, includeSubregions = false) {
  const { proposals } = await api.request<{
    proposals: { totalCount: number; edges: { node: { id: string } }[] };
  }>(
    `query($region: ID!, $sub: Boolean) { proposals(region: $region, includeSubregions: $sub, first: 100) { totalCount edges { node { id } } } }`,
    { region, sub: includeSubregions },
  );
  return { totalCount: proposals.totalCount, ids: proposals.edges.map((e) => e.node.id) };
}

/** Nanxun staff submit a proposal at their own node, as any county would. */
const submitAtNanxun = async (): Promise<string> =>
  submitProposalAt(await staff('330503'), '330503', title);

let proposalId: string;
const title = '关于建设南浔古镇至震泽古镇跨省旅游步道的建议';

beforeAll(async () => {
  testbed = await startBusTestbed('federation_e2e', regions);
  host = await testbed.startHost(regions, { poolSize: 10 });
  await seedDemo(host.gatewayUrl, host.gateway);
  proposalId = await submitAtNanxun();
});

afterAll(() => testbed?.close());

describe('nodes federated over the bus', () => {
  it('carries a proposal written at Nanxun to the Huzhou and Zhejiang gateways', async () => {
    for (const upper of ['330500', '330000']) {
      const api = await staff(upper);
      const arrived = await until(
        () => proposalsAt(api, '330503'),
        (list) => list.ids.includes(proposalId),
      );
      expect(arrived.ids).toContain(proposalId);
      expect((await proposalsAt(api, upper, true)).ids).toContain(proposalId);
      // without sub-regions a node lists only its own committee's proposals
      expect((await proposalsAt(api, upper)).ids).not.toContain(proposalId);
    }

    // At the province the proposer resolves from its replica of Nanxun's members.
    const { proposal } = await (await staff('330000')).request<{
      proposal: { title: string; region: { code: string }; proposer: { name: string } };
    }>(`query($id: ID!) { proposal(id: $id) { title region { code } proposer { name } } }`, {
      id: proposalId,
    });
    expect(proposal).toMatchObject({ title, region: { code: '330503' } });
    expect(proposal.proposer.name).toEqual(expect.any(String));
  });

  it('groups Nanxun under Huzhou in the province’s statistics', async () => {
    const province = await staff('330000');
    await until(
      () => proposalsAt(province, '330503'),
      (list) => list.ids.includes(proposalId),
    );
    const { proposalStatistics } = await province.request<{
      proposalStatistics: {
        total: { total: number };
        byRegion: { region: { code: string }; total: number }[];
      };
    }>(
      `{ proposalStatistics(region: "330000") { total { total } byRegion { region { code } total } } }`,
    );
    const byRegion = Object.fromEntries(
      proposalStatistics.byRegion.map((r) => [r.region.code, r.total]),
    );
    expect(byRegion['330500']).toBe((await proposalsAt(province, '330500', true)).totalCount);
    expect(byRegion['330500']).toBeGreaterThan((await proposalsAt(province, '330500')).totalCount);
    expect(byRegion).not.toHaveProperty('330503');
    expect(proposalStatistics.total.total).toBe(
      (await proposalsAt(province, '330000', true)).totalCount,
    );
  });

  it('refuses Huzhou staff a write to its replica of a Nanxun proposal', async () => {
    const huzhou = await staff('330500');
    await until(
      () => proposalsAt(huzhou, '330503'),
      (list) => list.ids.includes(proposalId),
    );
    const result = await huzhou.send(`mutation($id: ID!) { registerProposal(id: $id) { id } }`, {
      id: proposalId,
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const { proposal } = await huzhou.request<{ proposal: { status: string } }>(
      `query($id: ID!) { proposal(id: $id) { status } }`,
      { id: proposalId },
    );
    expect(proposal.status).toBe('SUBMITTED');
  });

  it('shows the 浔吴 joint session hosted by Nanxun at Wujiang, and not at Shanghai', async () => {
    type Sessions = {
      jointSessions: { edges: { node: { id: string; parties: { committee: string }[] } }[] };
    };
    const sessions = `query($region: ID!) { jointSessions(region: $region) { edges { node { id parties { committee } } } } }`;
    const atNanxun = await (await staff('330503')).request<Sessions>(sessions, {
      region: '330503',
    });
    const xunwu = atNanxun.jointSessions.edges[0]?.node;
    expect(xunwu?.parties.map((p) => p.committee).toSorted()).toEqual(
      ['湖州市南浔区政协', '苏州市吴江区政协'].toSorted(),
    );

    const wujiang = await staff('320509');
    const atWujiang = await until(
      () => wujiang.request<Sessions>(sessions, { region: '320509' }),
      (r) => r.jointSessions.edges.length > 0,
    );
    expect(atWujiang.jointSessions.edges.map((e) => e.node)).toEqual([xunwu]);

    const shanghai = await staff('310000');
    const atShanghai = await shanghai.request<Sessions>(sessions, { region: '310000' });
    expect(atShanghai.jointSessions.edges).toEqual([]);
    const { jointSession } = await shanghai.request<{ jointSession: unknown }>(
      `query($id: ID!) { jointSession(id: $id) { id } }`,
      { id: xunwu?.id },
    );
    expect(jointSession).toBeNull();
  });

  it('never gives Jiangsu-side nodes Zhejiang’s proposals', async () => {
    for (const region of ['320509', '320500']) {
      const api = await staff(region);
      expect(await proposalsAt(api, region, true)).toEqual({ totalCount: 0, ids: [] });
      // Absent, not hidden: a row held there would be refused (FORBIDDEN), not null.
      const { proposal } = await api.request<{ proposal: unknown }>(
        `query($id: ID!) { proposal(id: $id) { id } }`,
        { id: proposalId },
      );
      expect(proposal).toBeNull();
    }
  });
});
