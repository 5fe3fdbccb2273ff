import {
  deqingCrossTermRecords,
  type NodeHost,
  seedDeqingCrossTerm,
  seedWenzhouYear,
  wenzhouYearFigures,
  wenzhouYearRecords,
} from '@huishang/infra';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayClient, startTestHost } from '../support/hosts.js';

// Deqing's and Wenzhou's nodes in one process on a fresh database; the two proposal
// history seeds import through the gateway, and the committees' statistics show the
// seeds' figures.
let host: NodeHost;

const staff = (region: string) => gatewayClient(host, region);

interface Statistics {
  total: number;
  averageHandlingDays: number | null;
  satisfactionRate: number | null;
  byCrossTermOutcome: { outcome: string; count: number }[];
}

async function statisticsOf(region: string): Promise<Statistics> {
  const api = await staff(region);
  const { proposalStatistics } = await api.request<{ proposalStatistics: { total: Statistics } }>(
    `query($region: ID!) { proposalStatistics(region: $region) { total {
      total averageHandlingDays satisfactionRate byCrossTermOutcome { outcome count } } } }`,
    { region },
  );
  return proposalStatistics.total;
}

/** The mean of assigned-to-replied days over the records, as the seed generated them. */
const averageDays = (records: Record<string, unknown>[]) =>
  records.reduce(
    (sum, r) =>
      sum + (Date.parse(r.repliedAt as string) - Date.parse(r.assignedAt as string)) / 86_400_000,
    0,
  ) / records.length;

beforeAll(async () => {
  host = await startTestHost('proposal_seeds_e2e', ['330521', '330300'], { poolSize: 10 });
  expect(await seedDeqingCrossTerm(host.gatewayUrl, host.gateway)).toBe(true);
  expect(await seedWenzhouYear(host.gatewayUrl, host.gateway)).toBe(true);
}, 240_000);

afterAll(async () => {
  await host?.close();
});

describe('proposal history seeds', () => {
  it('gives Deqing’s previous term as sorted: 649 → 610 done, 24 continue or start, 15 hard', async () => {
    const figures = await statisticsOf('330521');
    expect(figures.total).toBe(649);
    expect(figures.byCrossTermOutcome).toEqual([
      { outcome: 'CONTINUE', count: 16 },
      { outcome: 'DONE', count: 610 },
      { outcome: 'HARD_FOR_NOW', count: 15 },
      { outcome: 'START', count: 8 },
    ]);
    expect(figures.averageHandlingDays).toBeCloseTo(averageDays(deqingCrossTermRecords()), 9);

    const api = await staff('330521');
    const { crossTermReport } = await api.request<{
      crossTermReport: { total: { total: number; unsorted: number; keyOpen: number } };
    }>(`{ crossTermReport(region: "330521", term: 9) { total { total unsorted keyOpen } } }`);
    expect(crossTermReport.total).toEqual({ total: 649, unsorted: 0, keyOpen: 24 });
  });

  it('gives Wenzhou’s year: 666 proposals handled in 75 days on average, 98 % satisfied', async () => {
    const figures = await statisticsOf('330300');
    expect(figures.total).toBe(wenzhouYearFigures.total);
    expect(figures.averageHandlingDays).toBe(75);
    expect(figures.averageHandlingDays).toBeCloseTo(averageDays(wenzhouYearRecords()), 9);
    expect(figures.satisfactionRate).toBeCloseTo(653 / 666, 9);
    expect(figures.byCrossTermOutcome).toEqual([]);
  });

  it('makes the seeded proposals searchable in Chinese', async () => {
    const api = await staff('330300');
    const { searchProposals } = await api.request<{
      searchProposals: { totalCount: number; hits: { proposal: { title: string } }[] };
    }>(`{ searchProposals(query: "养老", region: "330300", first: 5) {
      totalCount hits { proposal { title } } } }`);
    expect(searchProposals.totalCount).toBeGreaterThan(0);
    expect(searchProposals.hits.every((h) => h.proposal.title.includes('养'))).toBe(true);
  });

  it('seeds once: a second run finds the term there and imports nothing', async () => {
    expect(await seedDeqingCrossTerm(host.gatewayUrl, host.gateway)).toBe(false);
    expect(await seedWenzhouYear(host.gatewayUrl, host.gateway)).toBe(false);
    expect((await statisticsOf('330521')).total).toBe(649);
  });
});
