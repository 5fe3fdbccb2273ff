import {
  fetchConnection,
  inboxesOf,
  isoTime,
  NotFoundError,
  type PageArgs,
  requireIdentity,
} from '@huishang/subgraph-kit';
import type { ConsultationsContext } from '../context.js';
import { countTasks, listTasks, markTaskRead, type TaskRow } from '../data/reminders.js';
import { isUuid } from '../domain/place.js';

/**
 * The inbox of the reminder scheduler, as the proposals subgraph's `myTasks` serves its
 * own: a caller reads only its own inboxes (`inboxesOf`), anyone else an empty list, and a
 * task not in them is not found.
 */
export const taskQueryResolvers = {
  myConsultationTasks: (
    _: unknown,
    args: { region: string } & PageArgs,
    context: ConsultationsContext,
  ) => {
    const inboxes = inboxesOf(requireIdentity(context.identity), args.region);
    if (inboxes.length === 0)
      return fetchConnection(
        args,
        async () => [],
        async () => 0,
      );
    return fetchConnection(
      args,
      (idBefore, take) => listTasks(context.db(), args.region, inboxes, idBefore, take),
      () => countTasks(context.db(), args.region, inboxes),
    );
  },
};

export const taskMutationResolvers = {
  async markConsultationTaskRead(_: unknown, args: { id: string }, context: ConsultationsContext) {
    const caller = requireIdentity(context.identity);
    const inboxes = inboxesOf(caller, caller.node);
    // an id that is not a UUID cannot be a task, and must not reach the uuid column
    const task =
      inboxes.length > 0 && isUuid(args.id)
        ? await markTaskRead(context.db(), args.id.toLowerCase(), caller.node, inboxes, new Date())
        : null;
    if (!task) throw new NotFoundError('Task', args.id);
    return task;
  },
};

export const taskResolvers = {
  createdAt: (task: TaskRow) => isoTime(task.createdAt),
  readAt: (task: TaskRow) => isoTime(task.readAt),
  // this subgraph's tasks are of supervision tasks and opinion items, never of a proposal
  proposal: () => null,
};
