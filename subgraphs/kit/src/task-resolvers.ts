import { requireIdentity } from './access.js';
import { fetchConnection } from './connection.js';
import type { RequestContext } from './context.js';
import { NotFoundError } from './errors.js';
import type { Connection, PageArgs } from './pagination.js';
import type { RawSql } from './raw-sql.js';
import { countTasks, listTasks, markTaskRead, type TaskRow } from './reminder-store.js';
import { inboxesOf } from './reminders.js';
import { isoTime } from './validate.js';

type InboxContext = Pick<RequestContext<RawSql>, 'identity' | 'db'>;

/**
 * The reminder scheduler's inbox, as each reminding subgraph serves its own (`myTasks`,
 * `myConsultationTasks`). A caller reads only its own inboxes (`inboxesOf`): anyone else
 * gets an empty list, and a task not in them is not found, so nobody learns of another's.
 */
export function readOwnTasks(
  context: InboxContext,
  args: { region: string } & PageArgs,
): Promise<Connection<TaskRow>> {
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
}

/**
 * Marks the task `asked` of the caller's own inboxes at its node read (`markTaskRead`,
 * `markConsultationTaskRead`). `taskId` turns the id asked into the task's id (null: it
 * cannot be one, so it must not reach the uuid column); a task not in the caller's
 * inboxes is not found.
 */
export async function markOwnTaskRead(
  context: InboxContext,
  asked: string,
  taskId: (asked: string) => string | null,
): Promise<TaskRow> {
  const caller = requireIdentity(context.identity);
  const id = taskId(asked);
  const inboxes = inboxesOf(caller, caller.node);
  const task =
    inboxes.length > 0 && id !== null
      ? await markTaskRead(context.db(), id, caller.node, inboxes, new Date())
      : null;
  if (!task) throw new NotFoundError('Task', asked);
  return task;
}

/** The Task fields every reminding subgraph resolves alike. */
export const taskTimeResolvers = {
  createdAt: (task: TaskRow) => isoTime(task.createdAt),
  readAt: (task: TaskRow) => isoTime(task.readAt),
};
