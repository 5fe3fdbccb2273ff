import {
  assertReadableRegion,
  assertWritableRegion,
  fetchConnection,
  isoDate,
  isoTime,
  type PageArgs,
  type RegionScope,
} from '@huishang/subgraph-kit';
import type { ConsultationsContext } from '../context.js';
import {
  countSupervisionTasks,
  createSupervisionTask,
  listSupervisionTasks,
  type SupervisionTask,
} from '../data/supervision-tasks.js';
import { supervisionColour } from '../domain/supervision-colour.js';
import {
  normaliseSupervisionTask,
  type SupervisionTaskInput,
} from '../domain/supervision-input.js';
import { loadReadable } from './readable.js';

type Owned<T> = { input: T & { region: string } };

export const supervisionTaskResolvers = {
  __resolveReference: (reference: { id: string }, context: ConsultationsContext) =>
    loadReadable(context, (id) => context.supervisionTaskById.load(id), reference.id),
  region: (task: SupervisionTask) => ({ code: task.region }),
  deadline: (task: SupervisionTask) => isoDate(task.deadline),
  colour: (task: SupervisionTask) => supervisionColour(task, new Date()),
  createdAt: (task: SupervisionTask) => isoTime(task.createdAt),
};

export const supervisionTaskQueries = {
  supervisionTasks: (_: unknown, args: RegionScope & PageArgs, context: ConsultationsContext) => {
    assertReadableRegion(context.identity, args.region);
    return fetchConnection(
      args,
      (idBefore, take) => listSupervisionTasks(context.db(), args, idBefore, take),
      () => countSupervisionTasks(context.db(), args),
    );
  },
  consultationsCommandStatus: (_: unknown, args: { id: string }, context: ConsultationsContext) =>
    context.commands.status(args.id),
};

export const supervisionTaskMutations = {
  async createSupervisionTask(
    _: unknown,
    { input }: Owned<SupervisionTaskInput>,
    context: ConsultationsContext,
  ) {
    assertWritableRegion(context.identity, input.region);
    return createSupervisionTask(
      context.db(),
      context.sink(),
      input.region,
      normaliseSupervisionTask(input),
    );
  },

  // A task for a committee below: the owner authorises and applies it (commands/).
  dispatchSupervisionTask(
    _: unknown,
    { input }: Owned<SupervisionTaskInput>,
    context: ConsultationsContext,
  ) {
    // Bad input fails here, before anything is sent; the owner checks it again.
    normaliseSupervisionTask(input);
    return context.commands.send({
      aggregate: 'supervision-task',
      name: 'dispatch',
      owner: input.region,
      payload: { input },
    });
  },
};
