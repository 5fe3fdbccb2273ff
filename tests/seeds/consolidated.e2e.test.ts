import { mintToken } from '@huishang/gateway';
import {
  buildNatsConfig,
  createGraphqlClient,
  deqingCrossTermFigures,
  ensureNats,
  jinhuaOpinionFigures,
  type NatsEndpoint,
  type NodeHost,
  nodeCredentials,
  pinghu2020Figures,
  provisionAccounts,
  seedFigures,
  startNodeHost,
  wenzhouYearFigures,
} from '@huishang/infra';
import { createTestDatabase, type TestDatabase, waitUntil } from '@huishang/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The seeds' figures, imported at the committees that own them (Deqing, Wenzhou, Pinghu,
// Jinhua and its nine counties), read back at the province's gateway from its replicas:
// the consolidated statistics must equal the source documents' figures.
const jinhua = Object.keys(jinhuaOpinionFigures);
const regions = ['330000', '330521', '330300', '330482', ...jinhua];

let database: TestDatabase;
let nats: NatsEndpoint;
let host: NodeHost;
let province: ReturnType<typeof createGraphqlClient>;

/**
 * Reads at the province until the replicas have caught up (`arrived`), and returns that
 * reading for the test to assert on in full.
 */
async function once<T>(what: string, read: () => Promise<T>, arrived: (value: T) => boolean) {
  let last: T | undefined;
  await waitUntil(
    async () => {
      last = await read();
      return arrived(last);
    },
    { what, ms: 240_000, everyMs: 1_000, detail: () => JSON.stringify(last) },
  );
  return last as T;
}

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
  database = await createTestDatabase('seeds_consolidated_e2e');
  nats = await ensureNats({ config: buildNatsConfig(regions) });
  await provisionAccounts(nats.url, regions);
  host = await startNodeHost({
    regions,
    databaseUrl: database.url,
    gatewayPort: 0,
    anonymousRead: false,
    poolSize: 6,
    bus: { url: nats.url, credentials: (region) => nodeCredentials(region) },
  });
  await host.busStarted();
  await seedFigures(host.gatewayUrl, host.gateway);
  province = createGraphqlClient(
    `${host.gatewayUrl}/330000/graphql`,
    await mintToken({ subject: 't-330000', region: '330000', roles: ['staff'] }, host.gateway.jwt),
  );
}, 600_000);

afterAll(async () => {
  await host?.close();
  await nats?.stop();
  await database?.drop();
});

describe('the seeds’ figures at the province’s gateway', () => {
  it('gives Deqing’s previous term as sorted: 649 → 610 done, 16 + 8 continue or start, 15 hard', async () => {
    const { region, total, DONE, CONTINUE, START, HARD_FOR_NOW } = deqingCrossTermFigures;
    const figures = await once(
      'Deqing’s proposals at the province',
      proposalFigures(region),
      (f) => f.total === total,
    );
    expect(figures.byCrossTermOutcome).toEqual([
      { outcome: 'CONTINUE', count: CONTINUE },
      { outcome: 'DONE', count: DONE },
      { outcome: 'HARD_FOR_NOW', count: HARD_FOR_NOW },
      { outcome: 'START', count: START },
    ]);
  });

  it('gives Wenzhou’s year: 666 proposals handled in 75 days on average', async () => {
    const { region, total, averageHandlingDays } = wenzhouYearFigures;
    const figures = await once(
      'Wenzhou’s proposals at the province',
      proposalFigures(region),
      (f) => f.total === total,
    );
    expect(figures.averageHandlingDays).toBeCloseTo(averageHandlingDays, 0);
  });

  it('gives Pinghu’s 2020: 87 consultations (6 + 36 + 45), 2,692 participants, 1,237 suggestions, 918 adopted', async () => {
    const { region, six, x, livelihoodHalls, participants, suggestions, adopted } =
      pinghu2020Figures;
    const read = async () => {
      const { consultationStatistics } = await province.request<{
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
    const figures = await once(
      'Pinghu’s consultations at the province',
      read,
      (f) => f.consultations === six + x + livelihoodHalls,
    );
    expect(figures).toMatchObject({ participants, suggestions, adoptedSuggestions: adopted });
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
    const figures = await once(
      'Jinhua’s opinion items at the province',
      read,
      (f) => f?.collected === 6437,
    );
    expect(figures).toEqual({ region: '330700', collected: 6437, dispatched: 5444, closed: 5280 });
  });
});
