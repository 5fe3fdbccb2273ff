import { defaultSubgraphPorts } from '@huishang/schema';
import { readSubgraphConfig, type SubgraphConfig } from '@huishang/subgraph-kit';

/** The consultations subgraph's config from the environment (see the kit's readSubgraphConfig). */
export const loadConfig = (env: NodeJS.ProcessEnv = process.env): SubgraphConfig =>
  readSubgraphConfig(env, { port: defaultSubgraphPorts.consultations });
