import { isoDate, isoTime } from '@huishang/subgraph-kit';
import type { ConsultationsContext } from '../context.js';
import type { SupervisionTask } from '../data/supervision-tasks.js';
import { supervisionColour } from '../domain/supervision-colour.js';
import { loadReadable } from './readable.js';

export const supervisionTaskResolvers = {
  __resolveReference: (reference: { id: string }, context: ConsultationsContext) =>
    loadReadable(context, (id) => context.supervisionTaskById.load(id), reference.id),
  region: (task: SupervisionTask) => ({ code: task.region }),
  deadline: (task: SupervisionTask) => isoDate(task.deadline),
  colour: (task: SupervisionTask) => supervisionColour(task, new Date()),
  createdAt: (task: SupervisionTask) => isoTime(task.createdAt),
};
