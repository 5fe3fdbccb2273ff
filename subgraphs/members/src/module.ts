import { fileURLToPath } from 'node:url';
import type { SubgraphModule } from '@huishang/subgraph-kit';
import { extendContext } from './context.js';
import { memberReplication } from './events/apply.js';
import { dutyDerivation } from './events/duty.js';
import { PrismaClient } from './generated/prisma/client.js';
import { resolvers } from './resolvers/index.js';

/** The members subgraph: committees' members, and the region registry over GraphQL. */
export const membersSubgraph: SubgraphModule<PrismaClient, ReturnType<typeof extendContext>> = {
  name: 'members',
  migrationsDir: fileURLToPath(new URL('../prisma/migrations', import.meta.url)),
  createClient: (adapter) => new PrismaClient({ adapter }),
  resolvers: resolvers as SubgraphModule<
    PrismaClient,
    ReturnType<typeof extendContext>
  >['resolvers'],
  extendContext,
  replication: memberReplication,
  derivation: dutyDerivation,
};
