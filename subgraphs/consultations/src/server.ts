import { runSubgraph } from '@huishang/subgraph-kit';
import { loadConfig } from './config.js';
import { consultationsSubgraph } from './module.js';

await runSubgraph(consultationsSubgraph, loadConfig());
