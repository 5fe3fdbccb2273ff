import {
  assertReadableRegion,
  assertWritableRegion,
  fetchConnection,
  isoDate,
  isoTime,
  NotFoundError,
  optionalText,
  type PageArgs,
  requireIdentity,
} from '@huishang/subgraph-kit';
import type { ConsultationsContext } from '../context.js';
import {
  changeSupervisionTask,
  countSupervisionTasks,
  createSupervisionTask,
  listSupervisionTasks,
  type SupervisionTask,
  type SupervisionTaskFilter,
} from '../data/supervision-tasks.js';
import { assertStaffOrUnit } from '../domain/access.js';
import { supervisionColour } from '../domain/colour.js';
import {
  normaliseSupervisionTask,
  type SupervisionTaskInput,
} from '../domain/supervision-input.js';
import {
  allowedSupervisionActions,
  type SupervisionStep,
  type SupervisionStepInput,
  supervisionOutcome,
  takeSupervisionStep,
} from '../domain/supervision-lifecycle.js';
import { loadReadable, memberReference } from './readable.js';

type Owned<T> = { input: T & { region: string } };

const members = (ids: string[]) => ids.map(memberReference);

export const supervisionTaskResolvers = {
  __resolveReference: (reference: { id: string }, context: ConsultationsContext) =>
    loadReadable(context, (id) => context.supervisionTaskById.load(id), reference.id),
  region: (task: SupervisionTask) => ({ code: task.region }),
  deadline: (task: SupervisionTask) => isoDate(task.deadline),
  colour: (task: SupervisionTask) => supervisionColour(task, new Date()),
  dispatchedBy: (task: SupervisionTask) => (task.dispatchedBy ? { code: task.dispatchedBy } : null),
  members: (task: SupervisionTask) => members(task.memberIds),
  letter: (task: SupervisionTask) => supervisionOutcome(task.steps).letter,
  feedback: (task: SupervisionTask) => supervisionOutcome(task.steps).feedback,
  reminders: (task: SupervisionTask) => supervisionOutcome(task.steps).reminders,
  allowedActions: (task: SupervisionTask) => allowedSupervisionActions(task.status),
  createdAt: (task: SupervisionTask) => isoTime(task.createdAt),
  updatedAt: (task: SupervisionTask) => isoTime(task.updatedAt),
};

export const supervisionStepResolvers = {
  members: (step: SupervisionStep) => members(step.memberIds),
};

export const supervisionTaskQueries = {
  // A replica's task too: a city that dispatched to a county follows it at its own node.
  supervisionTask: (_: unknown, args: { id: string }, context: ConsultationsContext) =>
    loadReadable(context, (id) => context.supervisionTaskById.load(id), args.id),
  supervisionTasks: (
    _: unknown,
    args: SupervisionTaskFilter & PageArgs,
    context: ConsultationsContext,
  ) => {
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

  /**
   * 催办 by the committee that dispatched the task (or any above it), at its own node: a
   * command to the owner, which records the reminder as a step (commands/).
   */
  async remindSupervisionTask(
    _: unknown,
    args: { id: string; note?: string | null },
    context: ConsultationsContext,
  ) {
    const task = await loadReadable(context, (id) => context.supervisionTaskById.load(id), args.id);
    if (!task) throw new NotFoundError('SupervisionTask', args.id);
    optionalText('note', args.note, 5000);
    return context.commands.send({
      aggregate: 'supervision-task',
      name: 'remind',
      owner: task.region,
      payload: { id: task.id, note: args.note ?? null },
    });
  },

  /** The owner's staff take the steps; the unit the letter went to gives its feedback. */
  async recordSupervisionStep(
    _: unknown,
    args: { id: string; input: SupervisionStepInput },
    context: ConsultationsContext,
  ) {
    const caller = requireIdentity(context.identity);
    const task = await context.supervisionTaskById.load(args.id);
    if (!task) throw new NotFoundError('SupervisionTask', args.id);
    if (args.input.action === 'FEEDBACK') assertStaffOrUnit(caller, task.region, task.handlingUnit);
    else assertWritableRegion(caller, task.region);
    return changeSupervisionTask(context.db(), context.sink(), task.id, (current) =>
      takeSupervisionStep(current, args.input, caller.subject, new Date()),
    );
  },
};
