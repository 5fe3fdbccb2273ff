import { runSubgraph } from '@huishang/subgraph-kit';
import { loadConfig } from './config.js';
import { proposalsSubgraph } from './module.js';

await runSubgraph(proposalsSubgraph, loadConfig());
