import {
  markOwnTaskRead,
  type PageArgs,
  readOwnTasks,
  taskTimeResolvers,
} from '@huishang/subgraph-kit';
import type { ConsultationsContext } from '../context.js';
import { isUuid } from '../domain/place.js';

/** The inbox of the reminder scheduler: the caller's own inboxes only (`readOwnTasks`). */
export const taskQueryResolvers = {
  myConsultationTasks: (
    _: unknown,
    args: { region: string } & PageArgs,
    context: ConsultationsContext,
  ) => readOwnTasks(context, args),
};

export const taskMutationResolvers = {
  markConsultationTaskRead: (_: unknown, args: { id: string }, context: ConsultationsContext) =>
    // an id that is not a UUID cannot be a task, and must not reach the uuid column
    markOwnTaskRead(context, args.id, (id) => (isUuid(id) ? id.toLowerCase() : null)),
};

export const taskResolvers = {
  ...taskTimeResolvers,
  // this subgraph's tasks are of supervision tasks, minutes recipients and opinion items,
  // never of a proposal
  proposal: () => null,
};
