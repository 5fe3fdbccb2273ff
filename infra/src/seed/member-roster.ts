import { waitUntil } from '@huishang/subgraph-kit/testing';
import type { GraphqlClient } from '../graphql-client.js';
import type { HostedGateway } from '../node-host.js';
import { clientAs } from './admin-client.js';

/**
 * Members across levels and places for the demo: people of Nanxun's committee (第十届)
 * of whom two also sit on Huzhou's (第九届), member studios (委员工作室), the 练市镇 duty
 * group (履职小组, its convenor the town's deputy Party secretary, as the seeds describe)
 * and "one village, one member" links (一村一委员) for 石淙镇, 善琏镇 and part of 练市镇.
 */
interface RosterPerson {
  name: string;
  gender: 'MALE' | 'FEMALE';
  birthYear: number;
  sector: string;
  party: string;
  roles?: string[];
  specialCommittees?: string[];
  workplace: string;
  linkedVillages: string[];
  /** Also a member of Huzhou's committee, with this sector. */
  huzhou?: { sector: string; roles?: string[] };
}

const nanxun = { region: '330503', term: 10 };
const huzhou = { region: '330500', term: 9 };

const people: RosterPerson[] = [
  {
    name: '费建林',
    gender: 'MALE',
    birthYear: 1968,
    sector: '经济界',
    party: 'CNDCA',
    roles: ['STANDING_MEMBER'],
    specialCommittees: ['经济委'],
    workplace: '浙江浔商控股集团有限公司',
    linkedVillages: ['330503100202'],
    huzhou: { sector: '经济界' },
  },
  {
    name: '温雅琴',
    gender: 'FEMALE',
    birthYear: 1975,
    sector: '农业界',
    party: 'CPWDP',
    specialCommittees: ['农业和农村委'],
    workplace: '南浔区菱湖镇水产技术推广站',
    linkedVillages: ['330503105200', '330503105201'],
    huzhou: { sector: '农业和农村界', roles: ['STANDING_MEMBER'] },
  },
  {
    name: '凌晓峰',
    gender: 'MALE',
    birthYear: 1981,
    sector: '中共界',
    party: 'CPC',
    workplace: '中共练市镇委员会',
    linkedVillages: ['330503102220', '330503102216', '330503102205'],
  },
  {
    name: '陈国良',
    gender: 'MALE',
    birthYear: 1963,
    sector: '文化艺术界',
    party: 'CAPD',
    specialCommittees: ['文史委'],
    workplace: '善琏湖笔厂',
    linkedVillages: ['330503103203', '330503103210', '330503103205'],
  },
  {
    name: '杨慧敏',
    gender: 'FEMALE',
    birthYear: 1979,
    sector: '医药卫生界',
    party: 'JIUSAN',
    workplace: '南浔区练市镇卫生院',
    linkedVillages: ['330503102200', '330503102201', '330503102202'],
  },
  {
    name: '朱建英',
    gender: 'FEMALE',
    birthYear: 1970,
    sector: '农业界',
    party: 'NON_PARTY',
    workplace: '石淙镇南坝村股份经济合作社',
    linkedVillages: ['330503108200', '330503108201', '330503108202', '330503108203'],
  },
  {
    name: '沈卫东',
    gender: 'MALE',
    birthYear: 1973,
    sector: '工商联界',
    party: 'ACFIC',
    workplace: '湖州石淙蚕丝有限公司',
    linkedVillages: ['330503108204', '330503108205', '330503108206'],
  },
  {
    name: '钮丽芳',
    gender: 'FEMALE',
    birthYear: 1984,
    sector: '教育界',
    party: 'CDL',
    workplace: '南浔区善琏镇中心学校',
    linkedVillages: ['330503103200', '330503103201', '330503103202', '330503103204'],
  },
];

const createMember = `mutation($input: CreateMemberInput!) { createMember(input: $input) { id person { id } } }`;

/** A staff client for one node's gateway endpoint. */
const staffOf = (gatewayUrl: string, gateway: HostedGateway, region: string) =>
  clientAs(gatewayUrl, gateway, { subject: `seed-roster-${region}`, region, roles: ['staff'] });

/** Waits until Huzhou's replica knows a Nanxun person, which the bus brings up. */
const knownAt = (api: GraphqlClient, personId: string) =>
  waitUntil(
    async () => {
      const { data } = await api.send<{ person: { id: string } | null }>(
        `query($id: ID!) { person(id: $id) { id } }`,
        { id: personId },
      );
      return Boolean(data?.person);
    },
    { what: `Huzhou's replica of person ${personId}`, ms: 60_000, everyMs: 250 },
  );

/**
 * Seeds the roster through the gateways of Nanxun and Huzhou, as each committee's staff.
 * Needs both nodes and the bus (Huzhou's memberships name people it knows from its
 * replica of Nanxun). A Nanxun committee that already has the roster's studio is left as
 * it is. Resolves to the member ids created, by person name.
 */
export async function seedMemberRoster(
  gatewayUrl: string,
  gateway: HostedGateway,
): Promise<Map<string, string[]>> {
  const created = new Map<string, string[]>();
  if (!gateway.nodes.includes(nanxun.region)) return created;
  const atNanxun = await staffOf(gatewayUrl, gateway, nanxun.region);
  const { studios } = await atNanxun.request<{ studios: { name: string }[] }>(
    `{ studios(region: "330503") { name } }`,
  );
  if (studios.some((s) => s.name === '善琏湖笔文化委员工作室')) return created;

  const ids = new Map<string, { memberId: string; personId: string }>();
  for (const p of people) {
    const { huzhou: _, ...fields } = p;
    const { createMember: member } = await atNanxun.request<{
      createMember: { id: string; person: { id: string } };
    }>(createMember, { input: { ...nanxun, ...fields } });
    ids.set(p.name, { memberId: member.id, personId: member.person.id });
    created.set(p.name, [member.id]);
  }
  const id = (name: string) => ids.get(name)?.memberId as string;

  const studioInputs = [
    {
      name: '善琏湖笔文化委员工作室',
      place: '330503103203',
      online: false,
      memberIds: ['陈国良', '钮丽芳'].map(id),
    },
    {
      name: '浔商委员工作室',
      place: '330503100',
      online: true,
      memberIds: ['费建林', '沈卫东'].map(id),
    },
    {
      name: '菱湖渔业共富委员工作室',
      place: '330503105',
      online: true,
      memberIds: ['温雅琴'].map(id),
    },
  ];
  for (const input of studioInputs)
    await atNanxun.request(
      `mutation($input: StudioInput!) { createStudio(region: "330503", input: $input) { id } }`,
      { input },
    );
  await atNanxun.request(
    `mutation($input: DutyGroupInput!) { createDutyGroup(region: "330503", input: $input) { id } }`,
    {
      input: {
        name: '练市镇委员履职小组',
        town: '330503102',
        memberIds: ['凌晓峰', '杨慧敏', '费建林'].map(id),
      },
    },
  );
  await atNanxun.request(
    `mutation($input: SpeechInput!) { recordSpeech(input: $input) { kind } }`,
    {
      input: {
        memberId: id('陈国良'),
        meeting: 'PLENARY',
        title: '守护湖笔非遗，擦亮善琏文化金名片',
        spokenOn: '2026-01-08',
      },
    },
  );

  if (!gateway.nodes.includes(huzhou.region)) return created;
  const atHuzhou = await staffOf(gatewayUrl, gateway, huzhou.region);
  for (const p of people.filter((p) => p.huzhou)) {
    const person = ids.get(p.name);
    if (!person || !p.huzhou) continue;
    await knownAt(atHuzhou, person.personId);
    const { createMember: member } = await atHuzhou.request<{ createMember: { id: string } }>(
      createMember,
      {
        input: {
          ...huzhou,
          personId: person.personId,
          party: p.party,
          workplace: p.workplace,
          ...p.huzhou,
        },
      },
    );
    created.get(p.name)?.push(member.id);
  }
  return created;
}
