import { getCommitteeRegion } from '@huishang/schema';
import type { HostedGateway } from '../node-host.js';
import { importHistory } from './admin-client.js';

/**
 * Shared by the proposal history seeds (deqing-cross-term.ts, wenzhou-year.ts): a seeded
 * PRNG so every run writes the same records, proposal texts from the themes the seeds
 * name, and the import of a committee's proposals of one term.
 */

/** mulberry32: small, fast and good enough to pick demo texts. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const pick = <T>(random: () => number, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;

/**
 * Whole handling days averaging exactly `mean`: drawn in pairs mean ± k (k up to
 * `spread`), shuffled by position, so a seed's average is its figure, not near it.
 */
export function pairedDays(count: number, mean: number, spread: number, random: () => number) {
  const days: number[] = [];
  while (days.length + 1 < count) {
    const k = Math.floor(random() * (spread + 1));
    days.push(mean + k, mean - k);
  }
  if (days.length < count) days.push(mean);
  for (let i = days.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [days[i], days[j]] = [days[j] as number, days[i] as number];
  }
  return days;
}

interface Theme {
  category: string;
  /** The lead unit's department, after the region's name: 德清县 + 农业农村局. */
  unit: string;
  topics: string[];
}

/** Themes of proposals in the seeds (提案工作创新案例), with the department that answers them. */
const themes: Theme[] = [
  {
    category: 'ECONOMY',
    unit: '发展和改革局',
    topics: ['民营经济高质量发展', '营商环境优化提升', '数字经济核心产业培育', '专精特新企业培育'],
  },
  {
    category: 'AGRICULTURE_RURAL',
    unit: '农业农村局',
    topics: [
      '乡村振兴人才培育',
      '农村生活污水治理设施长效运维',
      '强村富民集成改革',
      '农产品区域公用品牌建设',
    ],
  },
  {
    category: 'URBAN_RURAL_DEVELOPMENT',
    unit: '住房和城乡建设局',
    topics: ['老旧小区改造和加装电梯', '城区停车难问题治理', '城乡公交一体化', '未来社区建设'],
  },
  {
    category: 'EDUCATION_SCIENCE_HEALTH',
    unit: '卫生健康局',
    topics: ['居家社区养老服务', '医养结合服务体系', '基层医疗卫生服务能力', '婴幼儿照护服务体系'],
  },
  {
    category: 'CULTURE_HISTORY',
    unit: '文化和广电旅游体育局',
    topics: ['全域旅游发展', '非物质文化遗产保护传承', '农村文化礼堂长效运行', '民宿业规范发展'],
  },
  {
    category: 'SOCIETY_LAW',
    unit: '民政局',
    topics: ['基层社会治理现代化', '矛盾纠纷多元化解', '社区工作者队伍建设', '困境儿童关爱保护'],
  },
  {
    category: 'ETHNIC_RELIGIOUS',
    unit: '民族宗教事务局',
    topics: ['少数民族流动人口服务管理', '宗教活动场所安全管理'],
  },
  {
    category: 'GENERAL',
    unit: '人民政府办公室',
    topics: ['政务服务增值化改革', '共同富裕示范区建设', '数字化改革场景应用', '山海协作结对帮扶'],
  },
];

const verbs = ['加快推进', '进一步加强', '完善', '推动', '深化'];
const problems = [
  '统筹协调不够有力',
  '资金保障不足',
  '专业人才缺乏',
  '长效机制不健全',
  '群众参与度不高',
  '部门数据共享不充分',
];
const suggestionTemplates = [
  (topic: string) => `建立${topic}工作专班，明确部门职责分工`,
  () => '加大财政资金投入，设立专项扶持资金',
  () => '完善考核评价机制，纳入年度综合考评',
  () => '加强专业人才引进和培养',
  () => '选择重点乡镇开展试点示范，总结推广经验做法',
  () => '运用数字化手段提升管理服务水平',
];
export const replyTexts: Record<string, string> = {
  ADOPTED: '已采纳，列入年度重点工作并落实到位。',
  PARTLY_ADOPTED: '部分采纳，已在试点地区先行实施，将逐步推开。',
  EXPLAINED: '受现行政策和财力所限，暂难全面实施，已作说明并将持续研究。',
  NOT_ADOPTED: '经研究，与上级政策不符，暂不采纳。',
};

/** A proposal's text on one of the themes, with `extraTopics` of the committee's own. */
export function proposalText(region: string, random: () => number, extraTopics: string[] = []) {
  const theme = pick(random, themes);
  const topic =
    random() < 0.15 && extraTopics.length ? pick(random, extraTopics) : pick(random, theme.topics);
  const place = getCommitteeRegion(region).name;
  const problem = pick(random, problems);
  const count = 2 + Math.floor(random() * 3);
  const start = Math.floor(random() * suggestionTemplates.length);
  const suggestions = Array.from({ length: count }, (_, i) =>
    (suggestionTemplates[(start + i) % suggestionTemplates.length] as (t: string) => string)(topic),
  );
  return {
    title: `关于${pick(random, verbs)}${topic}的建议`,
    body: `近年来，${place}${topic}工作取得积极进展，但仍存在${problem}、政策落地不够精准等问题，群众反映较多。为此建议：${suggestions.join('；')}。`,
    keywords: [topic.slice(0, 20)],
    category: theme.category,
    suggestions,
    leadUnit: `${place}${theme.unit}`,
    coUnit: `${place}${
      pick(
        random,
        themes.filter((t) => t !== theme),
      ).unit
    }`,
  };
}

/** A record's proposer: a collective body when `collective` or there are no members, else a member. */
export const proposerOf = (
  random: () => number,
  collectiveProposers: readonly string[],
  memberIds: readonly string[],
  i: number,
  collective: boolean,
) =>
  collective || memberIds.length === 0
    ? { collectiveProposer: pick(random, collectiveProposers) }
    : { proposerId: memberIds[i % memberIds.length] };

/** The lead unit alone, or with the co-handling unit. */
export const handlingUnits = (leadUnit: string, coUnit: string, withCo: boolean) =>
  withCo
    ? [
        { name: leadUnit, role: 'LEAD' },
        { name: coUnit, role: 'CO' },
      ]
    : [{ name: leadUnit, role: 'LEAD' }];

/**
 * Imports a committee's proposals of `term` in their final state unless it has some of
 * that term already; 200 a call is well inside 1000 a call and the 1 MB request limit.
 */
export const importProposalHistory = (
  gatewayUrl: string,
  gateway: HostedGateway,
  region: string,
  term: number,
  records: (memberIds: string[]) => Record<string, unknown>[],
) =>
  importHistory(gatewayUrl, gateway, {
    region,
    existing: `proposals(region: $region, term: ${term}, first: 1)`,
    memberFields: 'id',
    records: (members: { id: string }[]) => records(members.map((m) => m.id)),
    mutation: `mutation($region: ID!, $records: [ImportedProposalInput!]!) { importProposals(region: $region, records: $records) { count } }`,
    batchSize: 200,
  });
