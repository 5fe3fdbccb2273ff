// One subgraph in a process of its own, hosting many regions, each on the bus as its own
// NATS user: `node dist/subgraph.js <name>`. It is the subgraph's `server.js` (the kit's
// config from the same variables, then `runSubgraph`) plus the one thing that file cannot
// be told by its environment: the credentials resolver of a process hosting many regions
// (BusConfig.credentials), read here from BENCH_NATS_USERS, `{ "<region>": { user, pass } }`.
import { consultationsSubgraph } from '@huishang/consultations';
import { jointSessionsSubgraph } from '@huishang/joint-sessions';
import { membersSubgraph } from '@huishang/members';
import { proposalsSubgraph } from '@huishang/proposals';
import { defaultSubgraphPorts, type SubgraphName, subgraphNames } from '@huishang/schema';
import { type BusConfig, readSubgraphConfig, runSubgraph } from '@huishang/subgraph-kit';

type BusCredentials = ReturnType<NonNullable<BusConfig['credentials']>>;

const name = process.argv[2] as SubgraphName;
if (!subgraphNames.includes(name)) throw new Error(`no subgraph ${name}: ${subgraphNames}`);
const config = readSubgraphConfig(process.env, { port: defaultSubgraphPorts[name] });
const users = JSON.parse(process.env.BENCH_NATS_USERS ?? '{}') as Record<string, BusCredentials>;
if (config.bus) {
  config.bus.credentials = (region) => {
    const own = users[region];
    if (!own) throw new Error(`BENCH_NATS_USERS names no user for ${region}`);
    return own;
  };
}
if (name === 'members') await runSubgraph(membersSubgraph, config);
else if (name === 'proposals') await runSubgraph(proposalsSubgraph, config);
else if (name === 'consultations') await runSubgraph(consultationsSubgraph, config);
else await runSubgraph(jointSessionsSubgraph, config);
