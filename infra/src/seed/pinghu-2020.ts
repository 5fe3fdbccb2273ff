import { childrenOf } from '@huishang/schema';
import type { HostedGateway } from '../node-host.js';
import { importHistory, type SeedMember } from './admin-client.js';

/**
 * 平湖市政协 2020 (“请你来协商”平台建设综述): 87 activities under the 1+2+6+X pattern — the
 * six led by the party secretary and the mayor (“6”), 36 led by sectors and committees
 * (“X”), both on 请你来协商, and 45 民生议事堂 in the towns — with 2,692 attendances, 1,237
 * suggestions and 918 of them adopted.
 */
export const pinghu2020Figures = {
  region: '330482',
  six: 6,
  x: 36,
  livelihoodHalls: 45,
  participants: 2692,
  suggestions: 1237,
  adopted: 918,
} as const;

// The six the party secretary and the mayor led, from the review of the year.
const sixTopics = [
  '围绕打造“重要窗口”最精彩板块新崛起之城开展专题政治协商',
  '缓解南市楼宇停车难',
  '“十四五”规划编制',
  '大力发展港口经济',
  '加快养老服务供给侧改革',
  '防范电信网络诈骗，保护人民财产安全',
];

// X: sectors and committees, and the 镇长、局长与政协委员面对面 on grassroots matters.
const xTopics = [
  '发放消费券拉动消费市场复苏',
  '推进农产品流通体系建设',
  '推进旅游产业发展',
  '东方公园建设',
  '“四好农村路”提升项目',
  '社会化养老服务体系建设',
  '社区网格化治理',
  '农村人居环境整治',
  '破解农业经营主体融资难',
  '常态化疫情防控',
  '提升老年助餐服务',
  '学生营养午餐餐标与中小学食堂管理',
  '浙沪毗邻区域农旅产业联动发展',
  '长三角区域污染防治协作机制落实',
  '社会治理领域“最多跑一地”改革',
  '高水平全面建成小康社会补短板',
  '青少年心理健康服务',
  '优化农业营商环境',
];

// 民生议事堂: matters close to home, held in the towns and sub-districts.
const hallTopics = [
  '小区设立“孝心停车位”错峰停车',
  '老旧小区改造与加装电梯',
  '农贸市场周边交通秩序整治',
  '垃圾分类积分制推广',
  '农村生活污水设施运维',
  '村级河道长效保洁',
  '背街小巷路面修复',
  '居家养老服务站点建设',
  '腌姜等农产品品牌打造与销路拓展',
  '村民协商团参与环境整治',
  '楼宇商户经营困难纾解',
  '学校周边上下学交通拥堵',
  '农村客运班次优化',
  '文化礼堂活动常态化',
  '企业用工与外来人员服务',
];

const suggestionStems = [
  '明确牵头部门和责任清单',
  '加大财政资金统筹保障',
  '建立部门协同推进机制',
  '引入社会资本参与建设运营',
  '开展群众满意度跟踪评估',
  '完善相关制度规范',
  '加强数字化平台支撑',
  '发挥村（社区）议事会作用',
  '强化宣传引导凝聚共识',
  '建立定期督查通报制度',
];

const departments = [
  '平湖市发展和改革局',
  '平湖市住房和城乡建设局',
  '平湖市交通运输局',
  '平湖市民政局',
  '平湖市农业农村局',
  '平湖市商务局',
  '平湖市公安局',
  '平湖市卫生健康局',
  '平湖市教育局',
];
const surnames = ['沈', '陆', '朱', '徐', '顾', '张', '王', '金', '李', '陈', '钱', '吴'];

/** n split over weights: proportional shares, the remainder one each from the front. */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((w) => Math.floor((total * w) / sum));
  let left = total - shares.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 1) % shares.length, left--) shares[i] = (shares[i] ?? 0) + 1;
  return shares;
}

/**
 * The 87 consultations as `importConsultations` takes them, deterministic: dates from March
 * to December 2020, halls in Pinghu's towns, members (when given) among the participants.
 */
export async function pinghu2020Records(members: readonly SeedMember[] = []) {
  const { region, six, x, livelihoodHalls } = pinghu2020Figures;
  const towns = await childrenOf(region);
  const kinds = [
    ...Array.from({ length: six }, (_, i) => ({ lead: 'LEADERS', title: sixTopics[i] as string })),
    ...Array.from({ length: x }, (_, i) => ({
      lead: 'SECTORS',
      title: `${xTopics[i % xTopics.length]}${i >= xTopics.length ? '（跟踪协商）' : ''}`,
    })),
    ...Array.from({ length: livelihoodHalls }, (_, i) => ({
      lead: null,
      title: hallTopics[i % hallTopics.length] as string,
    })),
  ];
  // Leaders' sessions are the largest, halls the smallest, with some spread within each.
  const weights = kinds.map(
    (k, i) => (k.lead === 'LEADERS' ? 3 : k.lead ? 1.2 : 0.9) + (i % 5) / 10,
  );
  const attendance = apportion(pinghu2020Figures.participants, weights);
  const suggestionCounts = apportion(pinghu2020Figures.suggestions, weights);
  const adoptedCounts = apportion(pinghu2020Figures.adopted, suggestionCounts);

  return kinds.map((kind, i) => {
    const town = towns[i % towns.length];
    const hall = kind.lead === null;
    const day = new Date(
      Date.UTC(2020, 2 + Math.floor((i * 10) / kinds.length), 1 + ((i * 7) % 27)),
    );
    const department = departments[i % departments.length] as string;
    const people = Array.from({ length: attendance[i] ?? 0 }, (_, p) => {
      const surname = surnames[(i + p) % surnames.length];
      const member = members.length ? members[(i * 7 + p) % members.length] : undefined;
      if (p % 3 === 0 && member)
        return { memberId: member.id, name: member.name, kind: 'MEMBER', attended: true };
      if (p % 7 === 1)
        return {
          name: `${department}负责人`,
          kind: 'OFFICIAL',
          affiliation: department,
          attended: true,
        };
      if (p % 11 === 2)
        return { name: `${surname}专家`, kind: 'EXPERT', affiliation: '嘉兴学院', attended: true };
      return {
        name: `${hall ? (town?.name ?? '平湖市') : '平湖市'}群众代表${surname}某`,
        kind: 'PUBLIC',
        attended: true,
      };
    });
    const suggestions = Array.from({ length: suggestionCounts[i] ?? 0 }, (_, s) => ({
      text: `${kind.title}：${suggestionStems[(i + s) % suggestionStems.length]}（第${s + 1}条）`,
      adoption:
        s < (adoptedCounts[i] ?? 0) ? (s % 9 === 8 ? 'PARTLY_ADOPTED' : 'ADOPTED') : 'NOT_ADOPTED',
    }));
    return {
      region,
      title: kind.title,
      platform: hall ? 'LIVELIHOOD_HALL' : 'PLEASE_COME_AND_CONSULT',
      topicSource: kind.lead === 'LEADERS' ? 'LEADERS' : hall ? 'PUBLIC' : 'MEMBERS',
      lead: kind.lead,
      venue: hall ? (town?.code ?? null) : region,
      venueName: hall ? `${town?.name ?? ''}民生议事堂` : '平湖市政协协商议事厅',
      heldOn: day.toISOString().slice(0, 10),
      participants: people,
      suggestions,
    };
  });
}

/**
 * Imports Pinghu's 2020 consultations into its node behind the gateway, as its admin, 30
 * records a call; does nothing when Pinghu is not hosted or already has consultations.
 * Returns whether it imported.
 */
export const seedPinghu2020 = (gatewayUrl: string, gateway: HostedGateway): Promise<boolean> =>
  importHistory(gatewayUrl, gateway, {
    region: pinghu2020Figures.region,
    existing: 'consultations(region: $region, first: 1)',
    memberFields: 'id name',
    records: pinghu2020Records,
    mutation: `mutation($records: [ImportConsultationInput!]!) { importConsultations(records: $records) { count } }`,
    batchSize: 30,
  });
