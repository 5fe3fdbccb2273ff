// `npm start`: the demo's nodes of Zhejiang and its partners in one process, each region
// connected to a NATS of its province's account as its own node user, seeded.
import { dashboardUrl, demoToken, provinceCurl, startDemo, stopOnSignals } from './demo-host.js';
import { seedDemo, seedFigures } from './seed/seed.js';

/**
 * Zhejiang with Huzhou/Nanxun/Deqing, Jiaxing/Pinghu, Wenzhou and Jinhua; Suzhou/Wujiang;
 * Shanghai/Jinshan.
 */
const demoRegions =
  '330000,330500,330503,330521,330400,330482,330300,330700,320500,320509,310000,310116';
const regions = (process.env.HUISHANG_REGIONS ?? demoRegions).split(',').map((r) => r.trim());
const log = (line: string) => console.log(line);

const demo = await startDemo({ regions, defaultDatabase: 'huishang', log });
const { postgres, databaseName, nats, host } = demo;
stopOnSignals(demo, log);
const seeded = await (async () => [
  ...(await seedDemo(host.gatewayUrl, host.gateway)),
  ...(await seedFigures(host.gatewayUrl, host.gateway)),
])().catch(async (error) => {
  await demo.stop();
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
for (const region of regions) {
  const staff = await demoToken(host.gateway, region, 'staff');
  log(`\nnode ${region}`);
  log(`  GraphQL   ${host.gatewayUrl}/${region}/graphql`);
  log(`  GraphiQL  ${host.gatewayUrl}/${region}/graphiql?token=${staff}`);
  log(`  驾驶舱    ${await dashboardUrl(host, region)}`);
  log(`  reader token (12 h): ${await demoToken(host.gateway, region, 'reader')}`);
  log(`  staff token (12 h):  ${staff}`);
}
log(
  `\nWithout a token a caller is the public: published proposals, and comments or topics held for moderation.`,
);
log(`Upper nodes answer from replicas of their subtree, e.g. Nanxun's proposals at the province:`);
log(`  ${await provinceCurl(host)}`);
log('\nCtrl-C stops everything.');
