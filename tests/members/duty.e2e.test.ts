import { type NodeHost, seedMemberRoster } from '@huishang/infra';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BusTestbed, gatewayClient, startBusTestbed, until } from '../support/hosts.js';

// Nanxun and Huzhou nodes on the bus, each as its own NATS user, seeded with the member
// roster (people on both committees, studios, a duty group, village links). A proposal
// submitted at Nanxun's proposals subgraph, and an opinion item a member reports to its
// consultations subgraph, reach the members' duty records, read through Nanxun's gateway.
const regions = ['330500', '330503'];

let testbed: BusTestbed;
let host: NodeHost;
let roster: Map<string, string[]>;

const staff = (region: string) => gatewayClient(host, region);

const membership = (name: string, level: 0 | 1 = 0) => roster.get(name)?.[level] as string;

beforeAll(async () => {
  testbed = await startBusTestbed('members_duty_e2e', regions);
  host = await testbed.startHost(regions, { poolSize: 10 });
  roster = await seedMemberRoster(host.gatewayUrl, host.gateway);
});

afterAll(() => testbed?.close());

interface DutyView {
  member: {
    name: string;
    dutyRecord: { kind: string; title: string; sourceType: string }[];
    dutyScore: { total: number };
  };
}

describe('members across levels and their duty records, through the gateways', () => {
  it('shows one person with a Nanxun and a Huzhou membership at Huzhou', async () => {
    const huzhou = await staff('330500');
    const { member } = await huzhou.request<{
      member: {
        person: { name: string; memberships: { region: { name: string }; term: number }[] };
      };
    }>(
      `query($id: ID!) { member(id: $id) { person { name memberships { region { name } term } } } }`,
      { id: membership('费建林', 1) },
    );
    expect(member.person).toEqual({
      name: '费建林',
      memberships: [
        { region: { name: '南浔区' }, term: 10 },
        { region: { name: '湖州市' }, term: 9 },
      ],
    });
  });

  it('answers Nanxun’s studios, duty group and village coverage', async () => {
    const nanxun = await staff('330503');
    const data = await nanxun.request<{
      studios: { name: string; online: boolean; members: { name: string }[] }[];
      dutyGroups: { town: { name: string }; members: { name: string }[] }[];
      villageCoverage: {
        total: number;
        byTown: { town: { name: string }; covered: number; total: number }[];
      };
    }>(`{
      studios(region: "330503") { name online members { name } }
      dutyGroups(region: "330503") { town { name } members { name } }
      villageCoverage(region: "330503") { total byTown { town { name } covered total } }
    }`);
    expect(data.studios.map((s) => s.name).toSorted()).toEqual([
      '善琏湖笔文化委员工作室',
      '浔商委员工作室',
      '菱湖渔业共富委员工作室',
    ]);
    expect(data.dutyGroups).toEqual([
      {
        town: { name: '练市镇' },
        members: expect.arrayContaining([
          { name: '凌晓峰' },
          { name: '杨慧敏' },
          { name: '费建林' },
        ]),
      },
    ]);
    expect(data.villageCoverage.total).toBe(261);
    expect(data.villageCoverage.byTown).toContainEqual({
      town: { name: '石淙镇' },
      covered: 7,
      total: 8,
    });
  });

  it('shows a proposal and an opinion item from Nanxun in its members’ duty records', async () => {
    const nanxun = await staff('330503');
    const title = '关于擦亮善琏湖笔非遗金名片的建议';
    await nanxun.request(
      `mutation($input: SubmitProposalInput!) { submitProposal(input: $input) { id } }`,
      {
        input: {
          region: '330503',
          term: 10,
          session: 3,
          title,
          body: '善琏湖笔制作技艺是国家级非物质文化遗产，传承人老龄化，建议加大保护和品牌推广力度。',
          category: 'CULTURE_HISTORY',
          proposerId: membership('陈国良'),
          coProposerIds: [membership('钮丽芳')],
          suggestions: ['设立湖笔传承人培养专项资金', '建设湖笔文化数字展馆'],
        },
      },
    );
    const query = `query($id: ID!) { member(id: $id) { name
      dutyRecord { kind title sourceType } dutyScore { total } } }`;
    const lead = await until(
      () => nanxun.request<DutyView>(query, { id: membership('陈国良') }),
      (view) => view.member.dutyRecord.some((r) => r.title === title),
    );
    expect(lead.member.dutyRecord).toEqual([
      { kind: 'PROPOSAL_LED', title, sourceType: 'proposal' },
      {
        kind: 'SPEECH',
        title: '守护湖笔非遗，擦亮善琏文化金名片',
        sourceType: 'speech',
      },
    ]);
    expect(lead.member.dutyScore.total).toBe(10 + 8);
    const co = await until(
      () => nanxun.request<DutyView>(query, { id: membership('钮丽芳') }),
      (view) => view.member.dutyRecord.length > 0,
    );
    expect(co.member.dutyRecord).toEqual([
      { kind: 'PROPOSAL_CO_SIGNED', title, sourceType: 'proposal' },
    ]);

    // A member reports an opinion item with their own token: it joins their duty record.
    const asMember = await gatewayClient(host, '330503', ['member'], membership('钮丽芳'));
    const item = '善琏镇中心学校周边上下学交通拥堵';
    await asMember.request(
      `mutation($input: SubmitOpinionItemInput!) { submitOpinionItem(input: $input) { id } }`,
      {
        input: {
          region: '330503',
          title: item,
          body: '学校门口道路狭窄，上下学时段接送车辆拥堵，建议增设临时停车区并安排交警疏导。',
          category: '民生',
          place: '330503103',
        },
      },
    );
    const reported = await until(
      () => nanxun.request<DutyView>(query, { id: membership('钮丽芳') }),
      (view) => view.member.dutyRecord.length > 1,
    );
    expect(reported.member.dutyRecord).toContainEqual({
      kind: 'OPINION_SUBMITTED',
      title: item,
      sourceType: 'opinion-item',
    });
    expect(reported.member.dutyScore.total).toBe(3 + 4);

    const ranking = await nanxun.request<{
      dutyRanking: { edges: { node: { rank: number; member: { name: string } } }[] };
    }>(
      `{ dutyRanking(region: "330503", term: 10, first: 2) { edges { node { rank member { name } } } } }`,
    );
    expect(ranking.dutyRanking.edges.map((e) => [e.node.rank, e.node.member.name])).toEqual([
      [1, '陈国良'],
      [2, '钮丽芳'],
    ]);
  });

  it('shows Huzhou Nanxun’s member activity from the summaries Nanxun publishes', async () => {
    const activity = `query($region: ID!) { memberActivity(region: $region, term: 10) {
      total { region { code } members active coverage averageScore medianScore byKind { kind count } }
      byRegion { region { code } members active coverage averageScore medianScore byKind { kind count } } } }`;
    interface Activity {
      region: { code: string };
      active: number;
      byKind: { kind: string; count: number }[];
    }
    type Report = { memberActivity: { total: Activity; byRegion: Activity[] } };
    const nanxun = await staff('330503');
    await nanxun.request(
      `mutation($input: SpeechInput!) { recordSpeech(input: $input) { kind } }`,
      {
        input: {
          memberId: membership('钮丽芳'),
          meeting: 'STANDING_COMMITTEE',
          title: '关于南浔区农村生活污水治理提质增效的发言',
          spokenOn: '2026-06-18',
        },
      },
    );
    const own = (await nanxun.request<Report>(activity, { region: '330503' })).memberActivity.total;
    expect(own.byKind).toContainEqual({ kind: 'SPEECH', count: expect.any(Number) });
    expect(own.active).toBeGreaterThan(0);
    const huzhou = await staff('330500');
    const city = await until(
      () => huzhou.request<Report>(activity, { region: '330500' }),
      (report) =>
        JSON.stringify(report.memberActivity.byRegion.find((r) => r.region.code === '330503')) ===
        JSON.stringify(own),
    );
    expect(city.memberActivity.byRegion).toContainEqual(own);
  });
});
