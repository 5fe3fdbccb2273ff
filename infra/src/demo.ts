// `npm start`: the demo's nodes of Zhejiang and its partners in one process, each region
// connected to a NATS of its province's account as its own node user, seeded.
import { mintToken } from '@huishang/gateway';
import { defaultSubgraphPorts } from '@huishang/schema';
import { buildNatsConfig, nodeCredentials } from './nats/accounts.js';
import { devNatsConfig, devNatsNodes } from './nats/dev.js';
import { ensureNats } from './nats/start.js';
import { provisionAccounts } from './nats/streams.js';
import { startNodeHost } from './node-host.js';
import { ensureDatabase, ensurePostgres } from './postgres.js';
import { seedDemo, seedFigures } from './seed/seed.js';

/**
 * Zhejiang with Huzhou/Nanxun/Deqing, Jiaxing/Pinghu, Wenzhou and Jinhua; Suzhou/Wujiang;
 * Shanghai/Jinshan.
 */
const demoRegions =
  '330000,330500,330503,330521,330400,330482,330300,330700,320500,320509,310000,310116';
const regions = (process.env.HUISHANG_REGIONS ?? demoRegions).split(',').map((r) => r.trim());
const log = (line: string) => console.log(line);

/** What has started, stopped in reverse order: the nodes, then NATS, then PostgreSQL. */
const started: (() => Promise<void>)[] = [];
const stopAll = async () => {
  for (const stop of started.reverse()) await stop();
};

async function start() {
  const postgres = await ensurePostgres(process.env.DATABASE_URL, log);
  started.push(() => postgres.stop());
  const databaseName = process.env.DATABASE_URL
    ? new URL(process.env.DATABASE_URL).pathname.slice(1) || 'huishang'
    : 'huishang';
  const databaseUrl = await ensureDatabase(postgres.serverUrl, databaseName);

  // infra/nats/dev.conf unless the regions asked for go beyond its nodes.
  const natsConfig = regions.every((r) => devNatsNodes.includes(r))
    ? devNatsConfig()
    : buildNatsConfig([...new Set([...devNatsNodes, ...regions])]);
  const nats = await ensureNats({ url: process.env.NATS_URL, config: natsConfig });
  started.push(() => nats.stop());
  await provisionAccounts(nats.url, regions);

  const host = await startNodeHost({
    regions,
    databaseUrl,
    gatewayPort: Number(process.env.PORT ?? 4000),
    subgraphPorts: defaultSubgraphPorts,
    anonymousRead: true,
    bus: { url: nats.url, credentials: (region) => nodeCredentials(region) },
  });
  started.push(() => host.close());
  await host.busStarted();
  const seeded = [
    ...(await seedDemo(host.gatewayUrl, host.gateway)),
    ...(await seedFigures(host.gatewayUrl, host.gateway)),
  ];
  return { postgres, databaseName, nats, host, seeded };
}

const { postgres, databaseName, nats, host, seeded } = await start().catch(async (error) => {
  await stopAll();
  throw error;
});

log(
  `\n会商 huishang demo — PostgreSQL: ${postgres.embedded ? 'embedded' : 'local server'}, database ${databaseName}`,
);
log(
  `NATS ${nats.url} (${nats.started ? 'nats-server started here with infra/nats/dev.conf' : 'NATS_URL'}); each node connects as its own user`,
);
log(seeded.length ? `seeded demo data for ${seeded.join(', ')}` : 'demo data already present');
for (const [name, url] of Object.entries(host.subgraphUrls))
  log(`  subgraph ${name.padEnd(15)} ${url}`);
const tokenOf = (region: string, role: 'reader' | 'staff') =>
  mintToken({ subject: `demo-${role}-${region}`, region, roles: [role] }, host.gateway.jwt, '12h');
for (const region of regions) {
  const staff = await tokenOf(region, 'staff');
  log(`\nnode ${region}`);
  log(`  GraphQL   ${host.gatewayUrl}/${region}/graphql`);
  log(`  GraphiQL  ${host.gatewayUrl}/${region}/graphiql?token=${staff}`);
  log(`  reader token (12 h): ${await tokenOf(region, 'reader')}`);
  log(`  staff token (12 h):  ${staff}`);
}
log(
  `\nWithout a token a caller is the public: published proposals, and comments or topics held for moderation.`,
);
log(`Upper nodes answer from replicas of their subtree, e.g. Nanxun's proposals at the province:`);
log(
  `  curl -s ${host.gatewayUrl}/330000/graphql -H 'content-type: application/json' -H 'authorization: Bearer ${await tokenOf('330000', 'reader')}' -d '{"query":"{ region(code:\\"330503\\"){ code name level parent{ code name } } proposals(region:\\"330503\\", first:3){ totalCount edges{ node{ id title status proposer{ id name } } } pageInfo{ hasNextPage endCursor } } }"}'`,
);
log('\nCtrl-C stops everything.');

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  // `on`, not `once`: Ctrl-C under npm delivers SIGINT twice (from the terminal and from npm).
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    log('\nstopping…');
    await stopAll();
    log('stopped');
    process.exit(0);
  });
}
