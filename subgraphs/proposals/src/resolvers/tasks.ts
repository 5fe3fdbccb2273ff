import {
  markOwnTaskRead,
  type PageArgs,
  readOwnTasks,
  type TaskRow,
  taskTimeResolvers,
} from '@huishang/subgraph-kit';
import type { ProposalsContext } from '../context.js';
import { requireUuid } from '../domain/ids.js';
import { loadReadableProposal } from './proposal.js';

/** The inbox of the reminder scheduler: the caller's own inboxes only (`readOwnTasks`). */
export const taskQueryResolvers = {
  myTasks: (_: unknown, args: { region: string } & PageArgs, context: ProposalsContext) =>
    readOwnTasks(context, args),
};

export const taskMutationResolvers = {
  markTaskRead: (_: unknown, args: { id: string }, context: ProposalsContext) =>
    markOwnTaskRead(context, args.id, (id) => requireUuid('id', id)),
};

export const taskResolvers = {
  ...taskTimeResolvers,
  proposal: (task: TaskRow, _: unknown, context: ProposalsContext) =>
    task.kind === 'PROPOSAL' ? loadReadableProposal(task.recordId, context) : null,
};
