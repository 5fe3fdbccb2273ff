import { inDays, startTestSubgraph, type TestCaller } from '@huishang/subgraph-kit/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { proposalsSubgraph } from '../src/index.js';
import { handlingRecord, historicalRecord, importMutation } from './historical-records.js';

// Wenzhou 330300 searches its own proposals and, from replicas, Yueqing's 330382.
const subgraph = await startTestSubgraph(proposalsSubgraph, {
  regions: ['330300', '330382'],
  label: 'proposals_search',
});
afterAll(() => subgraph.close());
const { gql } = subgraph;

const sewage = historicalRecord({
  number: 1,
  title: '关于推进农村生活污水治理设施长效运维的建议',
  units: [{ name: '温州市生态环境局', role: 'LEAD' }],
});
const revitalisation = historicalRecord({
  number: 2,
  title: '关于以数字化改革推动乡村振兴的建议',
  body: '建议以数字乡村建设为抓手，推动农村产业、人才、文化、生态、组织振兴，促进共同富裕。',
  keywords: ['乡村振兴', '数字乡村'],
  category: 'AGRICULTURE_RURAL',
  units: [{ name: '温州市农业农村局', role: 'LEAD' }],
});
// 乡村 and 振兴 apart, never 乡村振兴: an all-pairs query must not find it
const scattered = historicalRecord({
  number: 3,
  title: '关于改善乡村道路通行条件的建议',
  body: '部分乡村道路狭窄，错车困难。建议振兴农村公路养护队伍，开展危桥改造。',
  keywords: ['农村公路'],
  category: 'URBAN_RURAL_DEVELOPMENT',
  units: [{ name: '温州市交通运输局', role: 'LEAD' }],
});
const elderlyRed = handlingRecord(inDays(-3), {
  number: 4,
  title: '关于加快发展居家社区养老服务的建议',
  body: '我市老龄化程度不断加深，居家社区养老服务供给不足，助餐、助浴等服务覆盖面不广。',
  keywords: ['养老服务'],
  category: 'SOCIETY_LAW',
  units: [
    { name: '温州市民政局', role: 'LEAD' },
    { name: '温州市卫生健康委员会', role: 'CO' },
  ],
});
const elderlyYellow = handlingRecord(inDays(5), {
  number: 5,
  title: '关于推进医养结合的建议',
  body: '养老机构与医疗机构合作不够紧密，建议推进医养结合，完善长期护理保险制度。',
  keywords: ['医养结合', '养老'],
  category: 'EDUCATION_SCIENCE_HEALTH',
  units: [{ name: '温州市卫生健康委员会', role: 'LEAD' }],
});
const elderlyGreen = handlingRecord(inDays(40), {
  number: 6,
  title: '关于培养养老护理人才的建议',
  body: '养老护理员队伍年龄偏大、流动性强，建议加大职业培训和岗位补贴力度。',
  keywords: ['养老护理'],
  category: 'EDUCATION_SCIENCE_HEALTH',
  units: [{ name: '温州市人力资源和社会保障局', role: 'LEAD' }],
});

async function imported(region: string, records: Record<string, unknown>[]): Promise<string[]> {
  const result = await gql(importMutation, { region, records }, {
    region,
    roles: ['admin'],
  } satisfies TestCaller);
  expect(result.errors).toBeUndefined();
  return result.data.importProposals.proposals.map((p: { id: string }) => p.id);
}

const ids = await imported('330300', [
  sewage,
  revitalisation,
  scattered,
  elderlyRed,
  elderlyYellow,
  elderlyGreen,
]);
const [sewageId, revitalisationId, , redId, yellowId, greenId] = ids;

const search = `query($query: String!, $region: ID!, $includeSubregions: Boolean, $status: ProposalStatus,
  $colour: Colour, $category: ProposalCategory, $term: Int, $unit: String, $first: Int, $offset: Int) {
  searchProposals(query: $query, region: $region, includeSubregions: $includeSubregions, status: $status,
    colour: $colour, category: $category, term: $term, unit: $unit, first: $first, offset: $offset) {
    totalCount hits { rank proposal { id title colour } } } }`;

const found = async (query: string, filters: Record<string, unknown> = {}, caller?: TestCaller) => {
  const result = await gql(search, { query, region: '330300', ...filters }, caller);
  expect(result.errors).toBeUndefined();
  return result.data.searchProposals.hits.map((h: { proposal: { id: string } }) => h.proposal.id);
};

describe('full-text search in Chinese', () => {
  it('finds words inside unspaced Chinese text, every part of the query required', async () => {
    expect(await found('污水')).toEqual([sewageId]);
    expect(await found('乡村振兴')).toEqual([revitalisationId]);
    expect(new Set(await found('养老'))).toEqual(new Set([redId, yellowId, greenId]));
    expect(await found('养老 医疗')).toEqual([yellowId]);
    expect(await found('火星基地')).toEqual([]);
  });

  it('ranks a match in the title or keywords above one only in the body', async () => {
    const result = await gql(search, { query: '医养结合', region: '330300' });
    expect(result.data.searchProposals.hits[0].proposal.id).toBe(yellowId);
    const hits = (await gql(search, { query: '护理', region: '330300' })).data.searchProposals.hits;
    expect(hits.map((h: { proposal: { id: string } }) => h.proposal.id)).toEqual([
      greenId,
      yellowId,
    ]);
    expect(hits[0].rank).toBeGreaterThan(hits[1].rank);
  });

  it('filters by colour, status, category, term and handling unit', async () => {
    expect(await found('养老', { colour: 'RED' })).toEqual([redId]);
    expect(await found('养老', { colour: 'YELLOW' })).toEqual([yellowId]);
    expect(await found('养老', { colour: 'GREEN' })).toEqual([greenId]);
    expect(await found('养老', { category: 'SOCIETY_LAW' })).toEqual([redId]);
    expect(new Set(await found('养老', { unit: '温州市卫生健康委员会' }))).toEqual(
      new Set([redId, yellowId]),
    );
    expect(await found('农村', { status: 'EVALUATED', term: 16 })).toHaveLength(3);
    expect(await found('农村', { term: 17 })).toEqual([]);
  });

  it('pages through the hits and counts them all', async () => {
    const page = await gql(search, { query: '养老', region: '330300', first: 2, offset: 2 });
    expect(page.data.searchProposals.totalCount).toBe(3);
    expect(page.data.searchProposals.hits).toHaveLength(1);
  });

  it('refuses a query with nothing to search for', async () => {
    const result = await gql(search, { query: '，。、', region: '330300' });
    expect(result.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'PROPOSALS_EMPTY_SEARCH',
    });
  });

  it('searches replicas of the counties below as the county itself does', async () => {
    const [yueqing] = await imported('330382', [
      historicalRecord({ title: '关于加强乐清湾污水排放监管的建议' }),
    ]);
    for (const { envelope } of await subgraph.outbox('330382'))
      await subgraph.replicate('330300', envelope);
    expect(await found('污水', { includeSubregions: true })).toEqual(
      expect.arrayContaining([sewageId, yueqing]),
    );
    expect(await found('污水')).toEqual([sewageId]);
  });
});
