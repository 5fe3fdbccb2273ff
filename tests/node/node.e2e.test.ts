import { createGraphqlClient, type NodeHost, seedDemo } from '@huishang/infra';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayClient, startTestHost } from '../support/hosts.js';

// A province, a city and a county node in one process, on a fresh database, seeded with
// the demo data through their gateways; everything below goes through the gateway.
let host: NodeHost;

const endpoint = (region: string) => `${host.gatewayUrl}/${region}/graphql`;
const staff = (region: string, roles: ('staff' | 'reader')[] = ['staff']) =>
  gatewayClient(host, region, roles);

beforeAll(async () => {
  host = await startTestHost('node_e2e', ['330000', '330500', '330503'], {
    anonymousRead: true,
    poolSize: 10,
  });
  await seedDemo(host.gatewayUrl, host.gateway);
});

afterAll(async () => {
  await host?.close();
});

describe('a node through its gateway', () => {
  it('answers the demo query for Nanxun', async () => {
    // the anonymous public sees published proposals only (publishedProposals); a reader sees all
    const result = await (await staff('330503', ['reader'])).send(
      `{ region(code:"330503"){ code name level parent{ code name } } proposals(region:"330503", first:3){ totalCount edges{ node{ id title status proposer{ id name } } } pageInfo{ hasNextPage endCursor } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toMatchObject({
      region: {
        code: '330503',
        name: '南浔区',
        level: 'COUNTY',
        parent: { code: '330500', name: '湖州市' },
      },
      proposals: { totalCount: 6, pageInfo: { hasNextPage: true } },
    });
    const edges = (
      result.data as { proposals: { edges: { node: { proposer: { name: string } } }[] } }
    ).proposals.edges;
    expect(edges).toHaveLength(3);
    expect(edges.every((e) => typeof e.node.proposer.name === 'string')).toBe(true);
  });

  it('shows Nanxun’s league table of the departments in its directory', async () => {
    const { handlingUnitStatistics: units } = await (await staff('330503', ['reader'])).request<{
      handlingUnitStatistics: Record<string, unknown>[];
    }>(
      `{ handlingUnitStatistics(region: "330503") { name kind parentName inDirectory assigned asLead
          asCo replied overdue itemsAnswered adoptionRate rated satisfactionRate } }`,
    );
    // the six units the demo's proposals name, then the rest of the directory, in pinyin order
    expect(units.map((u) => u.name)).toEqual([
      '湖州市生态环境局南浔分局',
      '南浔区发展和改革局',
      '南浔区经济和信息化局',
      '南浔区农业农村局',
      '南浔区文化和广电旅游体育局',
      '南浔区住房和城乡建设局',
      '南浔区财政局',
      '南浔区交通运输局',
      '南浔区人民政府',
      '南浔区总工会',
      '中共湖州市南浔区委统一战线工作部',
    ]);
    expect(units.every((u) => u.inDirectory)).toBe(true);
    expect(units.find((u) => u.name === '南浔区文化和广电旅游体育局')).toEqual({
      name: '南浔区文化和广电旅游体育局',
      kind: 'GOVERNMENT_DEPARTMENT',
      parentName: '南浔区人民政府',
      inDirectory: true,
      assigned: 1,
      asLead: 1,
      asCo: 0,
      replied: 1,
      overdue: 0,
      itemsAnswered: 3,
      adoptionRate: 1,
      rated: 1,
      satisfactionRate: 1,
    });
    expect(units.find((u) => u.name === '南浔区住房和城乡建设局')).toMatchObject({
      asCo: 1,
      replied: 0,
      itemsAnswered: 0,
      adoptionRate: null,
    });
  });

  it('pages through a connection with its cursor', async () => {
    const api = await staff('330503', ['reader']);
    const query = `query($after: String) { proposals(region: "330503", first: 4, after: $after) { edges { node { title } } pageInfo { hasNextPage endCursor } } }`;
    const first = await api.request<{
      proposals: { edges: { node: { title: string } }[]; pageInfo: { endCursor: string } };
    }>(query);
    const second = await api.request<{
      proposals: { edges: { node: { title: string } }[]; pageInfo: { hasNextPage: boolean } };
    }>(query, {
      after: first.proposals.pageInfo.endCursor,
    });
    expect(second.proposals.edges).toHaveLength(2);
    expect(second.proposals.pageInfo.hasNextPage).toBe(false);
    const titles = [...first.proposals.edges, ...second.proposals.edges].map((e) => e.node.title);
    expect(new Set(titles).size).toBe(6);
  });

  it('resolves members’ proposals and consultations across subgraphs', async () => {
    const api = await staff('330500');
    const { members } = await api.request<{
      members: {
        edges: {
          node: {
            name: string;
            proposals: { totalCount: number };
            consultations: { totalCount: number };
          };
        }[];
      };
    }>(
      `{ members(region: "330500", first: 10) { edges { node { name proposals { totalCount } consultations { totalCount } } } } }`,
    );
    const jin = members.edges.find((e) => e.node.name === '金秀英')?.node;
    expect(jin).toMatchObject({ proposals: { totalCount: 1 }, consultations: { totalCount: 1 } });
  });

  it('reports a consultation’s adoption rate (Huzhou 面对面: 23 of 26 adopted)', async () => {
    const api = await staff('330500', ['reader']);
    const { consultations } = await api.request<{
      consultations: {
        edges: { node: { title: string; adoptionRate: number; suggestions: unknown[] } }[];
      };
    }>(
      `{ consultations(region: "330500", platform: FACE_TO_FACE) { edges { node { title adoptionRate suggestions { id } } } } }`,
    );
    expect(consultations.edges[0]?.node.suggestions).toHaveLength(26);
    // partly adopted suggestions count as adopted in the rate, so all 26 here
    expect(consultations.edges[0]?.node.adoptionRate).toBeCloseTo(1);
  });

  it('shows the 浔吴 joint session with its parties', async () => {
    const api = await staff('330503', ['reader']);
    const { jointSessions } = await api.request<{
      jointSessions: {
        edges: { node: { kind: string; parties: { committee: string; role: string }[] } }[];
      };
    }>(
      `{ jointSessions(region: "330503") { edges { node { kind parties { committee role region { code } } } } } }`,
    );
    expect(jointSessions.edges[0]?.node.kind).toBe('CROSS_PROVINCE');
    expect(jointSessions.edges[0]?.node.parties.map((p) => p.committee).toSorted()).toEqual(
      ['湖州市南浔区政协', '苏州市吴江区政协'].toSorted(),
    );
  });

  it('answers an unknown region code with BAD_USER_INPUT', async () => {
    const result = await createGraphqlClient(endpoint('330503')).send(
      `{ proposals(region: "339999") { totalCount } }`,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a write without a token, and a write into another region', async () => {
    const create = `mutation($input: CreateMemberInput!) { createMember(input: $input) { id } }`;
    const input = { region: '330503', name: '唐明', sector: '经济界', party: 'CPC', term: 10 };
    const anonymous = await createGraphqlClient(endpoint('330503')).send(create, { input });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const cityStaff = await gatewayClient(host, '330500', ['staff'], 'city', '330503');
    const forbidden = await cityStaff.send(create, { input });
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const { members } = await (await staff('330503')).request<{ members: { totalCount: number } }>(
      `{ members(region: "330503") { totalCount } }`,
    );
    expect(members.totalCount).toBe(8);
  });

  it('refuses invalid input with BAD_USER_INPUT and writes nothing', async () => {
    const api = await staff('330503');
    const before = await api.request<{ proposals: { totalCount: number } }>(
      `{ proposals(region: "330503") { totalCount } }`,
    );
    const result = await api.send(
      `mutation($input: SubmitProposalInput!) { submitProposal(input: $input) { id } }`,
      {
        input: {
          region: '330503',
          term: 10,
          session: 3,
          title: '建议',
          body: '太短',
          category: 'GENERAL',
          collectiveProposer: '民盟南浔区基层委员会',
          suggestions: [],
        },
      },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const after = await api.request<{ proposals: { totalCount: number } }>(
      `{ proposals(region: "330503") { totalCount } }`,
    );
    expect(after.proposals.totalCount).toBe(before.proposals.totalCount);
  });

  it('keeps county staff out of the city’s records', async () => {
    const result = await (await staff('330503', ['reader'])).send(
      `{ members(region: "330500") { totalCount } }`,
    );
    // the Nanxun node does not hold Huzhou's records at all
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const nanxunReader = await gatewayClient(host, '330503', ['reader'], 'n', '330500');
    const atCity = await nanxunReader.send(`{ members(region: "330500") { totalCount } }`);
    expect(atCity.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('is healthy and ready when every subgraph answers', async () => {
    expect((await fetch(`${host.gatewayUrl}/health`)).status).toBe(200);
    expect((await fetch(`${host.gatewayUrl}/ready`)).status).toBe(200);
  });
});
