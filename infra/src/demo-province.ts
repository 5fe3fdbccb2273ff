// `npm run demo:province`: every committee of Zhejiang (the province, its 11 cities and
// 90 counties) and the partners Suzhou/Wujiang and Shanghai/Jinshan, 106 nodes in one
// process on one database and one nats-server, each region on the bus as its own user,
// seeded, and ready only once every node answers and the upper nodes hold their subtrees.

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { childrenOf, getCommitteeRegion, isWithin } from '@huishang/schema';
import pg from 'pg';
import { dashboardUrl, demoToken, provinceCurl, startDemo, stopOnSignals } from './demo-host.js';
import { createGraphqlClient, type GraphqlClient } from './graphql-client.js';
import type { NodeHost } from './node-host.js';
import { createProgress } from './progress.js';
import { clientAs } from './seed/admin-client.js';
import { provinceSeedSteps, seedProvince } from './seed/province.js';

/** Targets on the issue's 2-core machine, printed beside the figures. */
const targets = { firstStartSeconds: 180, restartSeconds: 60, rssMb: 4096, pgConnections: 100 };
const partners = ['320500', '320509', '310000', '310116'];
const log = (line: string) => console.log(line);

/** Zhejiang's committees from the region registry, province first, then its partners. */
async function provinceRegions(): Promise<string[]> {
  const regions = ['330000'];
  for (const city of await childrenOf('330000')) {
    regions.push(city.code);
    for (const county of await childrenOf(city.code)) regions.push(county.code);
  }
  return [...regions, ...partners];
}

const regions = process.env.HUISHANG_REGIONS
  ? process.env.HUISHANG_REGIONS.split(',').map((r) => r.trim())
  : await provinceRegions();

const staffOf = (host: NodeHost, region: string): Promise<GraphqlClient> =>
  clientAs(host.gatewayUrl, host.gateway, {
    subject: `demo-ready-${region}`,
    region,
    roles: ['staff'],
  });

/** Bounded polling with a status line on stderr while it waits. */
async function waitFor(what: string, check: () => Promise<string | true>, ms: number) {
  const until = Date.now() + ms;
  let last = '';
  for (;;) {
    const state = await check().catch((error: Error) => error.message);
    if (state === true) break;
    if (Date.now() > until) throw new Error(`${what}: not reached in ${ms / 1000} s (${state})`);
    if (state !== last) process.stderr.write(`${what}: ${state}\n`);
    last = state;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

/** Every node answers a trivial query at its endpoint. */
const everyNodeAnswers = (host: NodeHost) => async (): Promise<string | true> => {
  const answers = await Promise.all(
    regions.map(async (region) => {
      const { data } = await createGraphqlClient(`${host.gatewayUrl}/${region}/graphql`)
        .send<{ __typename: string }>('{ __typename }')
        .catch(() => ({ data: undefined }));
      return data?.__typename === 'Query';
    }),
  );
  const silent = answers.filter((ok) => !ok).length;
  return silent === 0 || `${silent} of ${regions.length} nodes not answering`;
};

/**
 * Each upper node (province, city, Suzhou, Shanghai) counts, in
 * `proposalStatistics(region: <own>)`, every proposal its hosted subtree's nodes hold as
 * their own: what was seeded below it has been replicated to it.
 */
async function replicatedCheck(host: NodeHost) {
  const clients = new Map(
    await Promise.all(regions.map(async (r) => [r, await staffOf(host, r)] as const)),
  );
  const own = new Map<string, number>();
  for (const region of regions) {
    const { proposals } = await (clients.get(region) as GraphqlClient).request<{
      proposals: { totalCount: number };
    }>(`query($region: ID!) { proposals(region: $region) { totalCount } }`, { region });
    own.set(region, proposals.totalCount);
  }
  const expected = (upper: string) =>
    regions.filter((r) => isWithin(r, upper)).reduce((sum, r) => sum + (own.get(r) ?? 0), 0);
  const uppers = regions.filter((u) => regions.some((r) => r !== u && isWithin(r, u)));
  const counted = new Map<string, number>();
  const check = async (): Promise<string | true> => {
    await Promise.all(
      uppers.map(async (upper) => {
        const { proposalStatistics } = await (clients.get(upper) as GraphqlClient).request<{
          proposalStatistics: { total: { total: number } };
        }>(`query($region: ID!) { proposalStatistics(region: $region) { total { total } } }`, {
          region: upper,
        });
        counted.set(upper, proposalStatistics.total.total);
      }),
    );
    const behind = uppers.filter((u) => counted.get(u) !== expected(u));
    if (behind.length === 0) return true;
    const top = behind[0] as string;
    return `${behind.length} of ${uppers.length} upper nodes behind, e.g. ${getCommitteeRegion(top).name} ${top} holds ${counted.get(top)} of ${expected(top)} proposals`;
  };
  return { check, counted, expected };
}

async function pgConnections(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>(
      'SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()',
    );
    return Number(rows[0]?.count);
  } finally {
    await client.end();
  }
}

const demo = await startDemo({
  regions,
  defaultDatabase: 'huishang_province',
  persistNats: true,
  log,
});
stopOnSignals(demo, log);
const { host } = demo;
const startedSeconds = process.uptime();
try {
  log(
    `${regions.length} nodes up in ${startedSeconds.toFixed(1)} s; NATS ${demo.nats.url}${demo.nats.storeDir ? ` (store ${demo.nats.storeDir})` : ''}; database ${demo.databaseName}`,
  );
  const progress = createProgress('seeding', provinceSeedSteps(regions));
  const seeded = await seedProvince(host.gatewayUrl, host.gateway, { concurrency: 3, progress });
  progress.done(seeded.length ? `seeded ${seeded.join(', ')}` : 'already seeded, nothing written');
  await waitFor('nodes answering', everyNodeAnswers(host), 120_000);
  const replicated = await replicatedCheck(host);
  await waitFor('replicating to the upper nodes', replicated.check, 600_000);

  const seconds = process.uptime();
  const firstStart = seeded.length > 0;
  const rssMb = Math.round(process.memoryUsage().rss / 1_048_576);
  const connections = await pgConnections(demo.databaseUrl);
  const top = regions.includes('330000') ? '330000' : (regions[0] as string);
  const secondsTarget = firstStart ? targets.firstStartSeconds : targets.restartSeconds;
  const within =
    seconds < secondsTarget && rssMb < targets.rssMb && connections <= targets.pgConnections;
  log(
    [
      'province ready',
      `nodes=${regions.length}`,
      `seconds=${seconds.toFixed(1)}`,
      `first_start=${firstStart}`,
      `rss_mb=${rssMb}`,
      `pg_connections=${connections}`,
      `province_proposals=${replicated.counted.get(top) ?? replicated.expected(top)}`,
      `nodes_up_seconds=${startedSeconds.toFixed(1)}`,
      `target_seconds=${secondsTarget}`,
      `target_rss_mb=${targets.rssMb}`,
      `target_pg_connections=${targets.pgConnections}`,
      `within_targets=${within}`,
    ].join(' '),
  );
} catch (error) {
  await demo.stop();
  throw error;
}

log(
  `\nGraphQL at ${host.gatewayUrl}/<code>/graphql, GraphiQL at …/<code>/graphiql, 驾驶舱 at …/<code>/dashboard:`,
);
// Four to a line: the code, then the name padded with ideographic spaces to line up.
const cells = regions.map((r) => `${r} ${getCommitteeRegion(r).name.padEnd(8, '\u3000')}`);
for (let i = 0; i < cells.length; i += 4) log(`  ${cells.slice(i, i + 4).join('  ')}`);
log('Tokens: npm run token -- --region <code> --roles reader|staff (12 h by default)');
log(`A staff token for the province (12 h): ${await demoToken(host.gateway, '330000', 'staff')}`);
// Every node's dashboard, signed in as its staff: the province and cities here, all in a file.
const dashboards = await Promise.all(
  regions.map(async (r) => `${r} ${getCommitteeRegion(r).name}\t${await dashboardUrl(host, r)}`),
);
const dashboardsFile = join(demo.dataDir, 'dashboards.txt');
await writeFile(dashboardsFile, `${dashboards.join('\n')}\n`);
log('驾驶舱 (staff, 12 h):');
for (const line of dashboards.filter(
  (_, i) => getCommitteeRegion(regions[i] as string).level !== 'COUNTY',
))
  log(`  ${line}`);
log(`  every node's: ${dashboardsFile}`);
log(`The province answers for Nanxun from its replicas:\n  ${await provinceCurl(host)}`);
log('\nCtrl-C stops everything.');
