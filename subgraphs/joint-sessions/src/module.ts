import { fileURLToPath } from 'node:url';
import type { SubgraphModule } from '@huishang/subgraph-kit';
import { agreeJointSessionStage } from './commands/agree-stage.js';
import { extendContext } from './context.js';
import { jointSessionReplication } from './events/apply.js';
import { PrismaClient } from './generated/prisma/client.js';
import { resolvers } from './resolvers/index.js';

type JointSessionsModule = SubgraphModule<PrismaClient, ReturnType<typeof extendContext>>;

/** The joint-sessions subgraph: sessions across regions and their parties (六联). */
export const jointSessionsSubgraph: JointSessionsModule = {
  name: 'joint-sessions',
  migrationsDir: fileURLToPath(new URL('../prisma/migrations', import.meta.url)),
  createClient: (adapter) => new PrismaClient({ adapter }),
  resolvers: resolvers as JointSessionsModule['resolvers'],
  extendContext,
  replication: jointSessionReplication,
  commands: [agreeJointSessionStage],
};
