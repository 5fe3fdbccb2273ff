import { childrenOf, getCommitteeRegion, type Region } from '@huishang/schema';
import type { HostedGateway } from '../node-host.js';
import { importHistory } from './admin-client.js';

/**
 * 金华 民情一点通 (浙江省政协 2022 创新案例): from June 2021 to the end of September 2022 the
 * city and county committees collected 6,437 items, dispatched 5,444 to party and
 * government bodies and closed 5,280 with feedback. Split here over 金华市 and its nine
 * counties as [collected, dispatched, closed]; the totals are the seed's figures.
 */
export const jinhuaOpinionFigures: Record<string, [number, number, number]> = {
  '330700': [1203, 1012, 985],
  '330702': [712, 601, 583],
  '330703': [566, 479, 464],
  '330723': [604, 512, 497],
  '330726': [538, 455, 441],
  '330727': [371, 314, 302],
  '330781': [597, 505, 489],
  '330782': [852, 722, 700],
  '330783': [559, 473, 459],
  '330784': [435, 371, 360],
};

/** Problems members hear, by category, with the department that handles each category. */
const categories: { name: string; department: string; problems: string[] }[] = [
  {
    name: '城乡建设',
    department: '住房和城乡建设局',
    problems: [
      '老旧小区加装电梯推进慢',
      '背街小巷路面破损',
      '小区雨污管网混接',
      '农村危旧房改造进度慢',
    ],
  },
  {
    name: '交通出行',
    department: '交通运输局',
    problems: [
      '学校周边上下学时段交通拥堵',
      '农村客运班次减少',
      '公交站台缺少遮阳设施',
      '路口信号灯配时不合理',
    ],
  },
  {
    name: '生态环境',
    department: '生态环境分局',
    problems: ['河道漂浮物清理不及时', '餐饮油烟扰民', '工业园区周边异味', '垃圾分类设施不足'],
  },
  {
    name: '教育',
    department: '教育局',
    problems: ['幼儿园学位紧张', '农村学校音体美教师不足', '学生课后服务时间安排不合理'],
  },
  {
    name: '医疗卫生',
    department: '卫生健康局',
    problems: ['社区卫生服务中心夜间无门诊', '基层医疗设备老化', '村卫生室医生配备不足'],
  },
  {
    name: '养老服务',
    department: '民政局',
    problems: ['居家养老服务中心利用率低', '农村老人助餐点不足'],
  },
  {
    name: '营商环境',
    department: '经济和信息化局',
    problems: ['小微企业融资难', '企业招工难', '工业项目审批环节多'],
  },
  {
    name: '农业农村',
    department: '农业农村局',
    problems: ['高标准农田灌溉设施损坏', '农产品销售渠道窄', '村级集体经济增收难'],
  },
  {
    name: '社会治理',
    department: '公安局',
    problems: ['电动自行车楼道违规充电', '出租房消防安全隐患', '小区物业纠纷多'],
  },
  {
    name: '文化旅游',
    department: '文化和广电旅游体育局',
    problems: ['乡村旅游停车等配套设施不足', '古村落保护修缮资金不足'],
  },
];

/** Policy questions (宏观政策) raised to the level above, and cross-department topics. */
const policyQuestions = [
  '建议完善山区县医保异地就医直接结算政策',
  '建议加大对山区县土地指标的倾斜',
  '建议出台灵活就业人员参保激励政策',
];
const rejectionReasons = [
  '同一事项已由12345热线受理',
  '重复反映，已并入前一事项办理',
  '反映内容不具体，无法核实',
  '属诉讼程序中的事项，不予受理',
];
const answers = [
  '已会同属地乡镇（街道）现场核实，制定整改方案并整改到位。',
  '已列入年度民生实事项目，分步实施，首期工程已完工。',
  '已建立长效管理机制，明确责任单位和巡查频次。',
];

const dayMs = 86_400_000;
/** 2021-06-01, when 民情一点通 started, and the 487 days to the end of September 2022. */
const start = Date.parse('2021-06-01T01:30:00Z');
const span = 487;
const at = (day: number) => new Date(start + day * dayMs).toISOString();
const dateOf = (day: number) => at(day).slice(0, 10);

/**
 * One committee's historical items, deterministic: the first `closed` answered (most
 * rated), then those still being handled up to `dispatched`, the rest not taken up.
 * Places are towns of the committee's area; `memberIds` its members, who submitted four
 * in five items (staff recorded the others from hotlines and visits).
 */
export async function jinhuaOpinionRecords(region: string, memberIds: string[]) {
  const [collected, dispatched, closed] = jinhuaOpinionFigures[region] ?? [0, 0, 0];
  const places = await townsOf(region);
  const { name: prefix, level } = getCommitteeRegion(region);
  return Array.from({ length: collected }, (_, i) => {
    const category = categories[i % categories.length] as (typeof categories)[number];
    const place = places[(i * 7) % places.length];
    const day = (i * 7919) % (span - 40);
    const isDispatched = i < dispatched;
    // the city passes some to the district where they happened (属地), as 民情一点通 did
    const route = !isDispatched
      ? null
      : i % 29 === 5
        ? 'UPPER_LEVEL'
        : i % 10 === 3
          ? 'CONSULTATION_TOPIC'
          : i % 10 === 7 && level === 'CITY'
            ? 'LOWER_LEVEL'
            : 'DEPARTMENT';
    const problem = category.problems[Math.floor(i / categories.length) % category.problems.length];
    const title =
      route === 'UPPER_LEVEL'
        ? (policyQuestions[i % policyQuestions.length] as string)
        : `${place?.name ?? ''}${problem}`;
    const department = route === 'DEPARTMENT' ? `${prefix}${category.department}` : null;
    const status =
      i < closed
        ? i % 20 < 17
          ? 'RATED'
          : 'ANSWERED'
        : isDispatched
          ? i % 2
            ? 'HANDLED'
            : 'DISPATCHED'
          : 'REJECTED';
    return {
      title,
      body: `${title}，群众反映较多，影响日常生产生活，建议有关部门研究解决。`,
      category: category.name,
      place: place?.code ?? null,
      submitterId: memberIds.length && i % 5 !== 4 ? memberIds[i % memberIds.length] : null,
      status,
      route,
      nature:
        route === 'UPPER_LEVEL'
          ? 'POLICY'
          : route === 'CONSULTATION_TOPIC'
            ? 'CROSS_DEPARTMENT'
            : route && 'CONCRETE',
      rejectionReason: status === 'REJECTED' ? rejectionReasons[i % rejectionReasons.length] : null,
      department,
      deadline: department ? dateOf(day + 31) : null,
      answer: i < closed ? answers[i % answers.length] : null,
      satisfaction:
        status === 'RATED'
          ? i % 25 === 0
            ? 'UNSATISFIED'
            : i % 6 === 0
              ? 'BASIC'
              : 'SATISFIED'
          : null,
      submittedAt: at(day),
      dispatchedAt: isDispatched ? at(day + 1) : null,
      closedAt: i < closed ? at(day + 1 + (i % 28)) : null,
    };
  });
}

/** Towns (乡镇、街道) of a committee's area: a county's own, a city's urban districts'. */
async function townsOf(region: string): Promise<Region[]> {
  const children = await childrenOf(region);
  if (getCommitteeRegion(region).level !== 'CITY') return children;
  const districts = children.filter((c) => c.name.endsWith('区'));
  return (await Promise.all(districts.map((d) => childrenOf(d.code)))).flat();
}

/**
 * Imports the 民情一点通 history into every Jinhua committee hosted behind the gateway
 * that has no opinion items yet, as its admin, 1,000 at a time; submitters are the
 * committee's members. Returns the regions seeded.
 */
export async function seedJinhuaOpinions(
  gatewayUrl: string,
  gateway: HostedGateway,
): Promise<string[]> {
  const seeded: string[] = [];
  for (const region of Object.keys(jinhuaOpinionFigures)) {
    const imported = await importHistory(gatewayUrl, gateway, {
      region,
      existing: 'opinionItems(region: $region, first: 1)',
      memberFields: 'id',
      records: (members: { id: string }[]) =>
        jinhuaOpinionRecords(
          region,
          members.map((m) => m.id),
        ),
      mutation: `mutation($region: ID!, $records: [ImportOpinionItemInput!]!) { importOpinionItems(region: $region, items: $records) }`,
      batchSize: 1000,
    });
    if (imported) seeded.push(region);
  }
  return seeded;
}
