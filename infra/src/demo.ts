// `npm start`: a province, a city and a county node in one process, seeded with demo data.
import { mintToken } from '@huishang/gateway';
import { defaultSubgraphPorts } from '@huishang/schema';
import { startNodeHost } from './node-host.js';
import { ensureDatabase, ensurePostgres } from './postgres.js';
import { seedDemo } from './seed/seed.js';

const regions = (process.env.HUISHANG_REGIONS ?? '330000,330500,330503').split(',');
const log = (line: string) => console.log(line);

const postgres = await ensurePostgres(process.env.DATABASE_URL, log);
const databaseName = process.env.DATABASE_URL
  ? new URL(process.env.DATABASE_URL).pathname.slice(1) || 'huishang'
  : 'huishang';
const databaseUrl = await ensureDatabase(postgres.serverUrl, databaseName);

const host = await startNodeHost({
  regions,
  databaseUrl,
  gatewayPort: Number(process.env.PORT ?? 4000),
  subgraphPorts: defaultSubgraphPorts,
  anonymousRead: true,
});
const seeded = await seedDemo(host.gatewayUrl, host.gateway);

log(
  `\n会商 huishang demo — PostgreSQL: ${postgres.embedded ? 'embedded' : 'local server'}, database ${databaseName}`,
);
log(seeded.length ? `seeded demo data for ${seeded.join(', ')}` : 'demo data already present');
for (const [name, url] of Object.entries(host.subgraphUrls))
  log(`  subgraph ${name.padEnd(15)} ${url}`);
for (const region of regions) {
  const token = await mintToken(
    { subject: `demo-staff-${region}`, region, roles: ['staff'] },
    host.gateway.jwt,
    '12h',
  );
  log(`\nnode ${region}`);
  log(`  GraphQL   ${host.gatewayUrl}/${region}/graphql`);
  log(`  GraphiQL  ${host.gatewayUrl}/${region}/graphiql?token=${token}`);
  log(`  staff token (12 h): ${token}`);
}
log(`\nreads need no token in the demo; writes need the node's staff token. Try:`);
log(
  `  curl -s ${host.gatewayUrl}/330503/graphql -H 'content-type: application/json' -d '{"query":"{ region(code:\\"330503\\"){ code name level parent{ code name } } proposals(region:\\"330503\\", first:3){ totalCount edges{ node{ id title status proposer{ id name } } } pageInfo{ hasNextPage endCursor } } }"}'`,
);
log('\nCtrl-C stops everything.');

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  // `on`, not `once`: Ctrl-C under npm delivers SIGINT twice (from the terminal and from npm).
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    log('\nstopping…');
    await host.close();
    await postgres.stop();
    log('stopped');
    process.exit(0);
  });
}
