import { inDays, startTestSubgraph, type TestCaller } from '@huishang/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proposalsSubgraph } from '../src/index.js';
import { handlingRecord, historicalRecord, importMutation } from './historical-records.js';

// Nanxun 330503 brings in two terms from its earlier system; Huzhou 330500 reads them from
// replicas, for a year, a term or a range of days.
const subgraph = await startTestSubgraph(proposalsSubgraph, {
  regions: ['330503', '330500'],
  label: 'proposals_period',
});
afterAll(() => subgraph.close());
const { gql } = subgraph;

const huzhou: TestCaller = { region: '330500' };
const figures = `region { code } total byStatus { status count } byCategory { category count }
  byColour { colour count } averageHandlingDays satisfactionRate byCrossTermOutcome { outcome count }`;
const statistics = `query($region: ID!, $period: PeriodInput) {
  proposalStatistics(region: $region, period: $period) {
    total { ${figures} } byRegion { ${figures} } } }`;
const read = async (period?: object) => {
  const result = await gql(statistics, { region: '330500', period }, huzhou);
  expect(result.errors).toBeUndefined();
  return result.data.proposalStatistics;
};
/** Statements read from the proposals or their month tallies since the count was last reset. */
const proposalReads = () => subgraph.statements.filter((s) => s.includes('."proposal')).length;

/** The 17th term's dates: registered, assigned and (75 days on) replied after `submittedAt`. */
const after = (submittedAt: string, replied = true) => {
  const at = (days: number) => new Date(Date.parse(submittedAt) + days * 86_400_000).toISOString();
  return {
    term: 17,
    submittedAt,
    registeredAt: at(10),
    assignedAt: at(20),
    ...(replied ? { repliedAt: at(95), deadline: at(110).slice(0, 10) } : {}),
  };
};

beforeAll(async () => {
  const records = [
    // the 16th term: 2021's session, one rated unsatisfied, one sorted at the 17th
    historicalRecord({ number: 1 }),
    historicalRecord({ number: 2, proposerRating: 'UNSATISFIED', category: 'ECONOMY' }),
    historicalRecord({ number: 3, crossTermOutcome: 'CONTINUE', crossTermSortedIn: 17 }),
    // the 17th term: one submitted at 23:30 on 31 December 2023 in Beijing, one half an
    // hour into 2024, two still under handling (yellow and red)
    historicalRecord({ number: 1, ...after('2023-12-31T23:30:00+08:00') }),
    historicalRecord({ number: 2, ...after('2024-01-01T00:30:00+08:00') }),
    handlingRecord(inDays(3), { number: 3, ...after('2024-01-10T09:00:00+08:00', false) }),
    handlingRecord(inDays(-5), { number: 4, ...after('2024-01-10T09:00:00+08:00', false) }),
  ];
  const imported = await gql(
    importMutation,
    { region: '330503', records },
    { region: '330503', roles: ['admin'] },
  );
  expect(imported.errors).toBeUndefined();
  for (const { envelope } of await subgraph.outbox('330503'))
    await subgraph.replicate('330500', envelope);
});

describe('proposal statistics of a period', () => {
  it('count from the proposals exactly what the tallies give, over a period holding them all', async () => {
    const all = await read();
    expect(all.total.total).toBe(7);
    expect(await read({ from: '2000-01-01' })).toEqual(all);
    expect(await read({ to: inDays(1) })).toEqual(all);
  });

  it('count a year by the day submitted in Beijing, and a term', async () => {
    const in2024 = (await read({ year: 2024 })).total;
    expect(in2024).toMatchObject({
      total: 3,
      byStatus: [
        { status: 'ASSIGNED', count: 2 },
        { status: 'EVALUATED', count: 1 },
      ],
      byColour: [
        { colour: 'RED', count: 1 },
        { colour: 'YELLOW', count: 1 },
      ],
      satisfactionRate: 1,
    });
    expect((await read({ year: 2023 })).total.total).toBe(1);
    expect((await read({ from: '2023-12-31', to: '2024-01-01' })).total.total).toBe(2);
    const term16 = (await read({ term: 16 })).total;
    expect(term16).toMatchObject({
      total: 3,
      averageHandlingDays: 75,
      satisfactionRate: 2 / 3,
      byCrossTermOutcome: [{ outcome: 'CONTINUE', count: 1 }],
      byColour: [],
    });
    expect(term16.byCategory).toEqual([
      { category: 'AGRICULTURE_RURAL', count: 2 },
      { category: 'ECONOMY', count: 1 },
    ]);
    expect((await read({ term: 17, year: 2023 })).total.total).toBe(1);
    expect((await read({ term: 18 })).total).toMatchObject({ total: 0, byStatus: [] });
    const byRegion = (await read({ term: 16 })).byRegion;
    expect(byRegion.map((r: { region: { code: string } }) => r.region.code)).toEqual(['330503']);
  });

  it('refuses a period it cannot count before reading any proposal', async () => {
    for (const [period, field] of [
      [{ year: 2024, to: '2024-06-30' }, 'year'],
      [{ from: '2024-07-01', to: '2024-06-30' }, 'from'],
      [{ from: '2024-13-01' }, 'from'],
      [{ term: -1 }, 'term'],
    ] as const) {
      subgraph.statements.length = 0;
      const refused = await gql(statistics, { region: '330500', period }, huzhou);
      expect(refused.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'KIT_INVALID_PERIOD',
        fields: { field },
      });
      expect(proposalReads()).toBe(0);
    }
    subgraph.statements.length = 0;
    await read({ year: 2024 });
    expect(proposalReads()).toBe(1);
  });
});
