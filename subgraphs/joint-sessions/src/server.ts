import { runSubgraph } from '@huishang/subgraph-kit';
import { loadConfig } from './config.js';
import { jointSessionsSubgraph } from './module.js';

await runSubgraph(jointSessionsSubgraph, loadConfig());
