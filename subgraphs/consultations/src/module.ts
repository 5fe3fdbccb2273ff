import { fileURLToPath } from 'node:url';
import type { SubgraphModule } from '@huishang/subgraph-kit';
import { contributeToConsultation } from './commands/contribute-to-consultation.js';
import { dispatchSupervisionTask } from './commands/dispatch-supervision-task.js';
import { referOpinionItem } from './commands/refer-opinion-item.js';
import { remindSupervisionTask } from './commands/remind-supervision-task.js';
import { extendContext } from './context.js';
import { consultationsReplication } from './events/apply.js';
import { PrismaClient } from './generated/prisma/client.js';
import { consultationReminderSweep } from './reminder-sweep.js';
import { resolvers } from './resolvers/index.js';

/** The consultations subgraph: consultations, supervision tasks and public opinion items. */
export const consultationsSubgraph: SubgraphModule<
  PrismaClient,
  ReturnType<typeof extendContext>
> = {
  name: 'consultations',
  migrationsDir: fileURLToPath(new URL('../prisma/migrations', import.meta.url)),
  createClient: (adapter) => new PrismaClient({ adapter }),
  resolvers: resolvers as SubgraphModule<
    PrismaClient,
    ReturnType<typeof extendContext>
  >['resolvers'],
  extendContext,
  replication: consultationsReplication,
  commands: [
    dispatchSupervisionTask,
    remindSupervisionTask,
    referOpinionItem,
    contributeToConsultation,
  ],
  sweeps: [consultationReminderSweep],
};
