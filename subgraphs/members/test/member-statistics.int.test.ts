import { startTestSubgraph, type TestCaller } from '@huishang/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { membersSubgraph } from '../src/index.js';

// Nanxun 330503 registers its 11th and 12th terms' members; Huzhou 330500 its own 12th
// term's and reads Nanxun's from replicas, for one term.
const subgraph = await startTestSubgraph(membersSubgraph, {
  regions: ['330503', '330500'],
  label: 'members_statistics',
});
afterAll(() => subgraph.close());
const { gql } = subgraph;

const huzhou: TestCaller = { region: '330500' };
const statistics = `query($period: PeriodInput) {
  memberStatistics(region: "330500", period: $period) {
    total { total bySector { sector count } } byRegion { region { code } total } } }`;

const createMember = async (region: string, name: string, term: number, sector: string) => {
  const created = await gql(
    `mutation($input: CreateMemberInput!) { createMember(input: $input) { id } }`,
    { input: { region, name, gender: 'MALE', birthYear: 1972, sector, party: 'CNDCA', term } },
    { region },
  );
  expect(created.errors).toBeUndefined();
};

beforeAll(async () => {
  await createMember('330503', '沈建国', 11, '经济界');
  await createMember('330503', '沈建国', 12, '经济界');
  await createMember('330503', '朱丽华', 12, '农业界');
  await createMember('330500', '钱志明', 12, '教育界');
  for (const { envelope } of await subgraph.outbox('330503'))
    await subgraph.replicate('330500', envelope);
});

describe('member statistics of a term', () => {
  it('counts the memberships of one term, by the next level down', async () => {
    const all = await gql(statistics, {}, huzhou);
    expect(all.data.memberStatistics.total.total).toBe(4);
    const term12 = await gql(statistics, { period: { term: 12 } }, huzhou);
    expect(term12.errors).toBeUndefined();
    expect(term12.data.memberStatistics).toEqual({
      total: {
        total: 3,
        bySector: [
          { sector: '教育界', count: 1 },
          { sector: '经济界', count: 1 },
          { sector: '农业界', count: 1 },
        ],
      },
      byRegion: [
        { region: { code: '330500' }, total: 1 },
        { region: { code: '330503' }, total: 2 },
      ],
    });
    const term11 = await gql(statistics, { period: { term: 11 } }, huzhou);
    expect(term11.data.memberStatistics.byRegion).toEqual([
      { region: { code: '330503' }, total: 1 },
    ]);
  });

  it('refuses a year or dates, which members have none to count by', async () => {
    for (const [period, field] of [
      [{ year: 2024 }, 'year'],
      [{ term: 12, from: '2024-01-01' }, 'from'],
      [{ term: 0 }, 'term'],
    ] as const) {
      const refused = await gql(statistics, { period }, huzhou);
      expect(refused.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'KIT_INVALID_PERIOD',
        fields: { field },
      });
    }
  });
});
