// `npm run bench:gateway`: a page of proposals with proposers resolved from `members`,
// through the gateway, against the same page from the `proposals` subgraph alone.
import { identityHeader, signForwardedIdentity } from '@huishang/schema';
import { createTestDatabase } from '@huishang/subgraph-kit/testing';
import autocannon from 'autocannon';
import { createGraphqlClient } from './graphql-client.js';
import { hostToken, startNodeHost } from './node-host.js';

const region = '330503';
const memberCount = 50;
const proposalCount = 300;
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = 10;

const database = await createTestDatabase('bench');
const host = await startNodeHost({
  regions: [region],
  databaseUrl: database.url,
  gatewayPort: 0,
  anonymousRead: false,
  // a benchmark is a development node: development secrets and caller keys
  // …whose one token would meet the per-token rate limit long before the run ends
  env: { ...process.env, HUISHANG_DEV: '1', HUISHANG_RATE_PER_TOKEN: '1000000000/1m' },
});
try {
  const token = await hostToken(host.gateway, { subject: 'bench', region, roles: ['staff'] });
  const api = createGraphqlClient(`${host.gatewayUrl}/${region}/graphql`, token);
  const surnames = '沈朱钱陆费施邱蒋姚吴潘金严林黄方叶';
  const memberIds: string[] = [];
  for (let i = 0; i < memberCount; i++) {
    const { createMember } = await api.request<{ createMember: { id: string } }>(
      `mutation($input: CreateMemberInput!) { createMember(input: $input) { id } }`,
      {
        input: {
          region,
          name: `${surnames[i % surnames.length]}委员${i + 1}`,
          sector: '经济界',
          party: 'CNDCA',
          term: 10,
        },
      },
    );
    memberIds.push(createMember.id);
  }
  for (let i = 0; i < proposalCount; i++) {
    await api.request(
      `mutation($input: SubmitProposalInput!) { submitProposal(input: $input) { id } }`,
      {
        input: {
          region,
          term: 10,
          session: 3,
          title: `关于推进南浔区第${i + 1}项民生实事的建议`,
          body: '南浔区民生实事项目推进中仍存在资金、用地和部门协同等方面的困难，建议加强统筹，明确责任，按期办结。',
          category: 'GENERAL',
          proposerId: memberIds[i % memberCount],
          suggestions: ['加强统筹协调', '明确责任清单'],
        },
      },
    );
  }

  const page = (proposer: string) =>
    JSON.stringify({
      query: `{ proposals(region: "${region}", first: 20) { totalCount edges { node { id title status proposer { ${proposer} } } } } }`,
    });
  const run = (title: string, url: string, headers: Record<string, string>, body: string) =>
    autocannon({
      title,
      url,
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
      connections,
      duration: seconds,
    });

  const subgraphHeaders = {
    [identityHeader]: await signForwardedIdentity(
      { subject: 'bench', region, roles: ['staff'], node: region },
      host.gateway.internalSecret,
    ),
  };
  // Warm both paths (query plans, JIT, pools) before measuring.
  await run('warm-up', host.subgraphUrls.proposals, subgraphHeaders, page('id'));
  const alone = await run(
    'proposals subgraph alone',
    host.subgraphUrls.proposals,
    subgraphHeaders,
    page('id'),
  );
  const federated = await run(
    'gateway, proposers from members',
    `${host.gatewayUrl}/${region}/graphql`,
    { authorization: `Bearer ${token}` },
    page('id name sector party'),
  );

  const row = (name: string, r: autocannon.Result) =>
    `${name.padEnd(34)} ${r.requests.average.toFixed(0).padStart(8)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms   errors ${r.errors + r.non2xx}`;
  console.log(
    `\n${proposalCount} proposals, ${memberCount} members, pages of 20, ${connections} connections, ${seconds} s each`,
  );
  console.log(row('proposals subgraph alone', alone));
  console.log(row('gateway (federated, + members)', federated));
  console.log(
    `gateway / subgraph throughput ratio: ${(federated.requests.average / alone.requests.average).toFixed(2)}`,
  );
} finally {
  await host.close();
  await database.drop();
}
