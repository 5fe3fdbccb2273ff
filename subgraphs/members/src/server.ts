import { runSubgraph } from '@huishang/subgraph-kit';
import { loadConfig } from './config.js';
import { membersSubgraph } from './module.js';

await runSubgraph(membersSubgraph, loadConfig());
