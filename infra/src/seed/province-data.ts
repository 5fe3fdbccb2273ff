// Demo data for every committee of the province demo that `demo-data.ts` does not write by
// hand: generated from the region's name and level with a PRNG seeded by its code, so every
// run writes the same committee. Themes, platforms and places follow shared/seeds.
import { getCommitteeRegion, type Region } from '@huishang/schema';
import type { DemoCommittee, DemoMember, DemoProposal } from './demo-data.js';
import { createRandom, pick, proposalText, replyTexts } from './proposal-history.js';

const surnames = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
  '高',
  '罗',
  '郑',
  '梁',
  '谢',
  '宋',
  '唐',
  '许',
  '韩',
  '冯',
  '邓',
  '曹',
  '彭',
  '曾',
  '沈',
  '叶',
  '蒋',
  '潘',
  '杜',
  '戴',
  '夏',
  '钟',
  '汪',
  '田',
  '任',
  '姜',
  '范',
  '方',
  '石',
  '姚',
  '谭',
  '陆',
  '金',
  '邵',
  '毛',
  '俞',
  '应',
  '楼',
  '童',
  '竺',
  '虞',
  '骆',
];
const givenMale = [
  '建华',
  '国强',
  '志明',
  '海东',
  '永康',
  '卫东',
  '晓峰',
  '伟民',
  '立新',
  '振宇',
  '文斌',
  '俊杰',
];
const givenFemale = [
  '丽萍',
  '晓燕',
  '美华',
  '雪芬',
  '慧敏',
  '秀英',
  '静怡',
  '雅琴',
  '春燕',
  '巧玲',
  '佳莹',
  '素珍',
];

/** Sectors (界别) and a party or group that sits in each. */
const sectors: { sector: string; parties: string[]; workplace: (place: string) => string }[] = [
  { sector: '中共界', parties: ['CPC'], workplace: (p) => `${p}委办公室` },
  { sector: '经济界', parties: ['CNDCA', 'CPC'], workplace: (p) => `${p}民营企业联合会` },
  { sector: '农业界', parties: ['CPWDP', 'NON_PARTY'], workplace: (p) => `${p}农业农村服务中心` },
  { sector: '教育界', parties: ['CAPD', 'CDL'], workplace: (p) => `${p}第一中学` },
  { sector: '科技界', parties: ['JIUSAN'], workplace: (p) => `${p}科技创新服务中心` },
  { sector: '医药卫生界', parties: ['CPWDP', 'JIUSAN'], workplace: (p) => `${p}人民医院` },
  { sector: '文化艺术界', parties: ['CDL', 'RCCK'], workplace: (p) => `${p}文化馆` },
  { sector: '工商联界', parties: ['ACFIC'], workplace: (p) => `${p}工商业联合会` },
  { sector: '无党派人士界', parties: ['NON_PARTY'], workplace: (p) => `${p}社会组织服务中心` },
  {
    sector: '社会福利和社会保障界',
    parties: ['CZGP', 'PEOPLES_ORGANISATION'],
    workplace: (p) => `${p}慈善总会`,
  },
];
const specialCommittees = ['提案委', '经济委', '农业农村委', '文史委', '社会法制委'];

/** Platforms of shared/seeds by level, with the venue each meets in. */
const platforms: Record<Region['level'], { platform: string; venue: (name: string) => string }[]> =
  {
    PROVINCE: [
      { platform: 'SPECIAL_TOPIC', venue: (n) => `${n}政协协商议事厅` },
      { platform: 'ONLINE', venue: (n) => `${n}政协远程协商平台` },
    ],
    CITY: [
      { platform: 'FACE_TO_FACE', venue: (n) => `${n}政协“面对面”协商室` },
      { platform: 'SECTOR_ROUND_TABLE', venue: (n) => `${n}政协界别圆桌会议室` },
    ],
    COUNTY: [
      { platform: 'PLEASE_COME_AND_CONSULT', venue: (n) => `${n}政协协商议事厅` },
      { platform: 'LIVELIHOOD_HALL', venue: (n) => `${n}民生议事堂` },
    ],
    TOWN: [],
    VILLAGE: [],
  };

/** Topics the seeds' committees consulted on, with what came out of them. */
const consultationTopics: { title: string; suggestions: string[] }[] = [
  {
    title: '山区县跨越式高质量发展',
    suggestions: ['完善山海协作结对帮扶机制', '加大山区县土地要素保障', '培育山区特色生态产业'],
  },
  {
    title: '“千万工程”与和美乡村建设',
    suggestions: ['建立村庄环境长效管护机制', '盘活农村闲置农房和宅基地', '壮大村级集体经济'],
  },
  {
    title: '“一老一小”服务体系建设',
    suggestions: ['扩大社区嵌入式养老服务覆盖', '增加普惠托育服务供给', '完善助餐助医上门服务'],
  },
  {
    title: '营商环境优化提升',
    suggestions: [
      '推进涉企服务“一件事”集成办理',
      '建立政企协商会常态化机制',
      '加大小微企业融资支持',
    ],
  },
  {
    title: '数字化改革与基层治理',
    suggestions: ['打通部门数据壁垒', '推广基层治理“一张网”', '加强数字化应用安全保障'],
  },
  {
    title: '共同富裕示范区建设',
    suggestions: ['拓宽农民增收渠道', '推进公共服务均等化', '发展共富工坊带动就业'],
  },
];

/** 民情 members hear, by category. */
const opinions: { category: string; title: string; body: string }[] = [
  {
    category: '交通出行',
    title: '学校周边上下学时段交通拥堵',
    body: '上下学高峰接送车辆集中，道路通行缓慢，建议错峰放学并增设临时停车点。',
  },
  {
    category: '城乡建设',
    title: '老旧小区加装电梯推进慢',
    body: '部分老旧小区居民意见难统一，加装电梯推进缓慢，建议完善协商和补助办法。',
  },
  {
    category: '生态环境',
    title: '河道漂浮物清理不及时',
    body: '部分河道漂浮物较多，保洁频次不足，建议落实河长制日常巡查。',
  },
  {
    category: '养老服务',
    title: '农村老人助餐点不足',
    body: '偏远村老人用餐困难，建议增设村级助餐点并提供送餐服务。',
  },
  {
    category: '医疗卫生',
    title: '村卫生室医生配备不足',
    body: '部分村卫生室无固定医生坐诊，建议推行县域医共体巡回诊疗。',
  },
  {
    category: '社会治理',
    title: '电动自行车楼道违规充电',
    body: '居民楼道违规充电现象较多，存在火灾隐患，建议建设集中充电设施。',
  },
];

const supervisions = ['农村生活污水治理设施运维', '老旧小区改造质量', '“最后一公里”惠民政策落地'];

const codeSeed = (code: string) => Number(code) ^ 0x5eed;

/**
 * How much each level writes live, through the same mutations as staff (members, and
 * `live` proposals: one assigned on schedule, green, and one just submitted); the rest of
 * a committee's proposals and its consultation come in one import each (see below), so
 * 106 committees seed in a few minutes.
 */
const volume: Record<'PROVINCE' | 'CITY' | 'COUNTY', { members: number; live: number }> = {
  PROVINCE: { members: 10, live: 3 },
  CITY: { members: 8, live: 2 },
  COUNTY: { members: 6, live: 2 },
};

/** Stages of the live proposals, in order. */
const stages: { stage: DemoProposal['stage']; deadlineInDays?: number }[] = [
  { stage: 'ASSIGNED', deadlineInDays: 40 },
  { stage: 'SUBMITTED' },
  { stage: 'REGISTERED' },
];

export interface GeneratedCommitteeOptions {
  /** Skip proposals: the committee's own figures import them (Deqing, Wenzhou). */
  proposals: boolean;
  /** Skip opinion items: the committee's own figures import them (Jinhua). */
  opinionItems: boolean;
  /** Towns of a county, for opinion items' places. */
  towns: string[];
}

/** The current term of a generated committee (the province's 13th, the others' 10th). */
export const generatedTerm = (region: string) =>
  getCommitteeRegion(region).level === 'PROVINCE' ? 13 : 10;

/** A committee of `region`, deterministic: the same members and records every run. */
export function generatedCommittee(
  region: string,
  options: GeneratedCommitteeOptions,
): DemoCommittee {
  const { name, level } = getCommitteeRegion(region);
  if (level !== 'PROVINCE' && level !== 'CITY' && level !== 'COUNTY')
    throw new Error(`${region} has no committee`);
  const random = createRandom(codeSeed(region));
  const { members: memberCount, live: proposalCount } = volume[level];

  const members: DemoMember[] = Array.from({ length: memberCount }, (_, i) => {
    const female = random() < 0.4;
    const s = i === 0 ? (sectors[0] as (typeof sectors)[number]) : pick(random, sectors);
    return {
      name: `${pick(random, surnames)}${pick(random, female ? givenFemale : givenMale)}`,
      gender: female ? 'FEMALE' : 'MALE',
      sector: s.sector,
      party: pick(random, s.parties),
      ...(i === 0 && { roles: ['CHAIR'], specialCommittees: ['提案委'] }),
      ...(i === 1 && { roles: ['VICE_CHAIR'] }),
      ...(i === 2 && { roles: ['STANDING_MEMBER'] }),
      ...(i >= 3 && random() < 0.4 && { specialCommittees: [pick(random, specialCommittees)] }),
      workplace: s.workplace(name),
    };
  });

  const proposals: DemoProposal[] = options.proposals
    ? Array.from({ length: proposalCount }, (_, i) => {
        const text = proposalText(region, random);
        const { stage, deadlineInDays } = stages[i % stages.length] as (typeof stages)[number];
        const lead = 1 + (i % (memberCount - 1));
        return {
          title: text.title,
          body: text.body,
          keywords: text.keywords,
          category: text.category,
          proposers: random() < 0.3 ? [lead, 1 + ((lead + 1) % (memberCount - 1))] : [lead],
          suggestions: text.suggestions,
          stage,
          units: [
            { name: text.leadUnit, role: 'LEAD' },
            ...(random() < 0.5 ? [{ name: text.coUnit, role: 'CO' as const }] : []),
          ],
          ...(deadlineInDays !== undefined && { deadlineInDays }),
        };
      })
    : [];

  return {
    region,
    committee: `${name}政协`,
    term: generatedTerm(region),
    members,
    proposals,
    consultations: [],
    jointSessions: [],
    supervisionTasks:
      level === 'COUNTY'
        ? []
        : [
            {
              title: `${name}${pick(random, supervisions)}民主监督`,
              source: 'MEDIA',
              committee: '社会法制委',
              deadlineInDays: 30,
            },
          ],
    opinionItems: options.opinionItems
      ? Array.from({ length: level === 'COUNTY' ? 2 : 1 }, (_, i) => {
          const o = pick(random, opinions);
          const town = options.towns.length ? pick(random, options.towns) : undefined;
          return { ...o, ...(town && { place: town }), submitter: 2 + (i % (memberCount - 2)) };
        })
      : [],
  };
}

/**
 * The committee's consultation of the year in its final state, imported as history (one
 * call): members, a department and the public took part; two of three suggestions adopted.
 */
export function consultationRecord(region: string, members: { id: string; name: string }[]) {
  const { name, level } = getCommitteeRegion(region);
  const random = createRandom(codeSeed(region) + 2);
  const venue = pick(random, platforms[level]);
  const topic = pick(random, consultationTopics);
  const month = String(3 + Math.floor(random() * 8)).padStart(2, '0');
  return {
    region,
    title: `${name}${topic.title}`,
    description: `${name}政协围绕${topic.title}组织委员、部门负责人和群众代表开展协商。`,
    platform: venue.platform,
    topicSource: venue.platform === 'PLEASE_COME_AND_CONSULT' ? 'LEADERS' : 'MEMBERS',
    lead: venue.platform === 'PLEASE_COME_AND_CONSULT' ? 'LEADERS' : null,
    venueName: venue.venue(name),
    heldOn: `2024-${month}-${10 + Math.floor(random() * 18)}`,
    participants: [
      ...members
        .slice(0, 3)
        .map((m) => ({ memberId: m.id, name: m.name, kind: 'MEMBER', attended: true })),
      {
        name: `${name}发展和改革局负责人`,
        kind: 'OFFICIAL',
        affiliation: `${name}发展和改革局`,
        attended: true,
      },
      { name: `${name}群众代表`, kind: 'PUBLIC', attended: true },
    ],
    suggestions: topic.suggestions.map((text, i) => ({
      text,
      adoption: i < 2 ? 'ADOPTED' : 'PARTLY_ADOPTED',
    })),
  };
}

const dayMs = 86_400_000;
const isoDay = (now: Date, days: number) => new Date(now.getTime() + days * dayMs).toISOString();

/**
 * The committee's proposals of its term's second session, imported as history (one call):
 * two overdue (red), one due within the week (yellow), one registered, three answered.
 * With the live ones of the third session (green, submitted) every colour shows.
 */
export function overdueProposalRecords(
  region: string,
  memberIds: string[],
  now: Date,
): Record<string, unknown>[] {
  const random = createRandom(codeSeed(region) + 1);
  const plan: { status: 'REGISTERED' | 'ASSIGNED' | 'REPLIED' | 'EVALUATED'; deadline: number }[] =
    [
      { status: 'ASSIGNED', deadline: -12 },
      { status: 'ASSIGNED', deadline: -2 },
      { status: 'ASSIGNED', deadline: 4 },
      { status: 'REGISTERED', deadline: 0 },
      { status: 'REPLIED', deadline: -20 },
      { status: 'EVALUATED', deadline: -60 },
      { status: 'EVALUATED', deadline: -90 },
    ];
  return plan.map(({ status, deadline }, i) => {
    const text = proposalText(region, random);
    const submitted = deadline - 120;
    const replied = status === 'REPLIED' || status === 'EVALUATED';
    const assigned = status !== 'REGISTERED';
    return {
      term: generatedTerm(region),
      session: 2,
      number: i + 1,
      title: text.title,
      body: text.body,
      keywords: text.keywords,
      category: text.category,
      status,
      proposerId: memberIds[(i + 1) % memberIds.length],
      suggestions: text.suggestions,
      submittedAt: isoDay(now, submitted),
      registeredAt: isoDay(now, submitted + 10),
      ...(assigned && {
        assignedAt: isoDay(now, submitted + 20),
        deadline: isoDay(now, deadline).slice(0, 10),
        units: [{ name: text.leadUnit, role: 'LEAD' }],
      }),
      ...(replied && {
        repliedAt: isoDay(now, deadline - 5),
        itemReplies: text.suggestions.map((_, k) => {
          const outcome = k === 0 ? 'PARTLY_ADOPTED' : 'ADOPTED';
          return { outcome, text: replyTexts[outcome] };
        }),
        ...(status === 'EVALUATED' && {
          proposerRating: random() < 0.8 ? 'SATISFIED' : 'BASIC',
        }),
      }),
    };
  });
}
