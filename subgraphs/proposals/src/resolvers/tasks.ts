import type { PageArgs } from '@huishang/subgraph-kit';
import {
  fetchConnection,
  inboxesOf,
  isoTime,
  NotFoundError,
  requireIdentity,
} from '@huishang/subgraph-kit';
import type { ProposalsContext } from '../context.js';
import { countTasks, listTasks, markTaskRead, type TaskRow } from '../data/reminders.js';
import { requireUuid } from '../domain/ids.js';
import { loadReadableProposal } from './proposal.js';

/**
 * The inbox of the reminder scheduler. A caller reads only its own inboxes (`inboxesOf`):
 * anyone else gets an empty list, and a task not in them is not found, so nobody learns of
 * another's.
 */
export const taskQueryResolvers = {
  myTasks: (_: unknown, args: { region: string } & PageArgs, context: ProposalsContext) => {
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
  async markTaskRead(_: unknown, args: { id: string }, context: ProposalsContext) {
    const caller = requireIdentity(context.identity);
    const id = requireUuid('id', args.id);
    const inboxes = inboxesOf(caller, caller.node);
    const task =
      inboxes.length > 0
        ? await markTaskRead(context.db(), id, caller.node, inboxes, new Date())
        : null;
    if (!task) throw new NotFoundError('Task', args.id);
    return task;
  },
};

export const taskResolvers = {
  createdAt: (task: TaskRow) => isoTime(task.createdAt),
  readAt: (task: TaskRow) => isoTime(task.readAt),
  proposal: (task: TaskRow, _: unknown, context: ProposalsContext) =>
    task.kind === 'PROPOSAL' ? loadReadableProposal(task.recordId, context) : null,
};
