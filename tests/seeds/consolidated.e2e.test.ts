import { isDeepStrictEqual } from 'node:util';
import {
  deqingCrossTermFigures,
  jinhuaOpinionFigures,
  type NodeHost,
  pinghu2020Figures,
  seedFigures,
  wenzhouYearFigures,
} from '@huishang/infra';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BusTestbed, gatewayClient, startBusTestbed, until } from '../support/hosts.js';

// The seeds' figures, imported at the committees that own them (Deqing, Wenzhou, Pinghu,
// Jinhua and its nine counties), read back at the province's gateway from its replicas:
// the consolidated statistics must equal the source documents' figures.
const jinhua = Object.keys(jinhuaOpinionFigures);
const regions = ['330000', '330521', '330300', '330482', ...jinhua];

let testbed: BusTestbed;
let host: NodeHost;
let province: Awaited<ReturnType<typeof gatewayClient>>;

/** Reads at the province until its replicas have caught up (`arrived`): imports replicate for minutes. */
const once = <T>(read: () => Promise<T>, arrived: (value: T) => boolean) =>
  until(read, arrived, 240_000);

const proposalFigures = (region: string) => async () => {
  const { proposalStatistics } = await province.request<{
    proposalStatistics: {
      total: {
        total: number;
        averageHandlingDays: number | null;
        byCrossTermOutcome: { outcome: string; count: number }[];
      };
    };
  }>(
    `query($region: ID!) { proposalStatistics(region: $region) { total {
      total averageHandlingDays byCrossTermOutcome { outcome count } } } }`,
    { region },
  );
  return proposalStatistics.total;
};

beforeAll(async () => {
  testbed = await startBusTestbed('seeds_consolidated_e2e', regions);
  host = await testbed.startHost(regions);
  await seedFigures(host.gatewayUrl, host.gateway);
  province = await gatewayClient(host, '330000');
}, 600_000);

afterAll(async () => {
  await testbed?.close();
});

describe('the seeds’ figures at the province’s gateway', () => {
  it('gives Deqing’s previous term as sorted: 649 → 610 done, 16 + 8 continue or start, 15 hard', async () => {
    const { region, total, DONE, CONTINUE, START, HARD_FOR_NOW } = deqingCrossTermFigures;
    const figures = await once(proposalFigures(region), (f) => f.total === total);
    expect(figures.total).toBe(total);
    expect(figures.byCrossTermOutcome).toEqual([
      { outcome: 'CONTINUE', count: CONTINUE },
      { outcome: 'DONE', count: DONE },
      { outcome: 'HARD_FOR_NOW', count: HARD_FOR_NOW },
      { outcome: 'START', count: START },
    ]);
  });

  it('gives Wenzhou’s year: 666 proposals handled in 75 days on average', async () => {
    const { region, total, averageHandlingDays } = wenzhouYearFigures;
    const figures = await once(proposalFigures(region), (f) => f.total === total);
    expect(figures.total).toBe(total);
    expect(figures.averageHandlingDays).toBeCloseTo(averageHandlingDays, 0);
  });

  it('gives Pinghu’s 2020: 87 consultations (6 + 36 + 45), 2,692 participants, 1,237 suggestions, 918 adopted', async () => {
    const { region, six, x, livelihoodHalls, participants, suggestions, adopted } =
      pinghu2020Figures;
    const read = async (at: typeof province) => {
      const { consultationStatistics } = await at.request<{
        consultationStatistics: {
          total: {
            consultations: number;
            participants: number;
            suggestions: number;
            adoptedSuggestions: number;
            byPlatform: { platform: string; count: number }[];
            byLead: { lead: string; count: number }[];
          };
        };
      }>(
        `query($region: ID!) { consultationStatistics(region: $region) { total {
          consultations participants suggestions adoptedSuggestions
          byPlatform { platform count } byLead { lead count } } } }`,
        { region },
      );
      return consultationStatistics.total;
    };
    // the consultations replicate first, their suggestions' adoption after: the province
    // has caught up when it answers what Pinghu's own node answers
    const own = await read(await gatewayClient(host, region));
    const figures = await once(
      () => read(province),
      (f) => isDeepStrictEqual(f, own),
    );
    expect(figures).toMatchObject({
      consultations: six + x + livelihoodHalls,
      participants,
      suggestions,
      adoptedSuggestions: adopted,
    });
    expect(figures.byPlatform).toEqual(
      expect.arrayContaining([
        { platform: 'PLEASE_COME_AND_CONSULT', count: six + x },
        { platform: 'LIVELIHOOD_HALL', count: livelihoodHalls },
      ]),
    );
    expect(figures.byLead).toEqual(
      expect.arrayContaining([
        { lead: 'LEADERS', count: six },
        { lead: 'SECTORS', count: x },
      ]),
    );
  });

  it('gives Jinhua’s 民情一点通: 6,437 collected, 5,444 dispatched, 5,280 closed', async () => {
    const read = async () => {
      const { opinionIndex } = await province.request<{
        opinionIndex: {
          byRegion: { region: string; collected: number; dispatched: number; closed: number }[];
        };
      }>(`{ opinionIndex(region: "330000") { byRegion { region collected dispatched closed } } }`);
      return opinionIndex.byRegion.find((r) => r.region === '330700');
    };
    const figures = await once(read, (f) => f?.collected === 6437);
    expect(figures).toEqual({ region: '330700', collected: 6437, dispatched: 5444, closed: 5280 });
  });
});
