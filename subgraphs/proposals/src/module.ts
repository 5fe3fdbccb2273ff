import { fileURLToPath } from 'node:url';
import type { SubgraphModule } from '@huishang/subgraph-kit';
import { extendContext } from './context.js';
import { proposalReplication } from './events/apply.js';
import { PrismaClient } from './generated/prisma/client.js';
import { proposalReminderSweep } from './reminder-sweep.js';
import { resolvers } from './resolvers/index.js';

type Module = SubgraphModule<PrismaClient, ReturnType<typeof extendContext>>;

/** The proposals subgraph: proposals from submission to evaluation, and members' proposals. */
export const proposalsSubgraph: Module = {
  name: 'proposals',
  migrationsDir: fileURLToPath(new URL('../prisma/migrations', import.meta.url)),
  createClient: (adapter) => new PrismaClient({ adapter }),
  resolvers: resolvers as Module['resolvers'],
  extendContext,
  replication: proposalReplication,
  sweeps: [proposalReminderSweep],
};
