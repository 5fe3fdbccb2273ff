import { ForbiddenError, InvalidInputError } from '@huishang/subgraph-kit';
import type { CommandHandler } from '@huishang/subgraph-kit/bus';
import { insertSupervisionTask } from '../data/supervision-tasks.js';
import { canDispatchSupervisionTask } from '../domain/dispatch.js';
import {
  normaliseSupervisionTask,
  type SupervisionTaskInput,
} from '../domain/supervision-input.js';
import type { Prisma } from '../generated/prisma/client.js';

/**
 * `supervision-task.dispatch`, applied by the committee that will own the task: the caller
 * must be staff of that committee or of one above it (`canDispatchSupervisionTask`), and
 * the task is stored with its `supervision-task.created` event as `createSupervisionTask`
 * stores it. The result names the new task.
 */
export const dispatchSupervisionTask: CommandHandler<Prisma.TransactionClient> = {
  aggregate: 'supervision-task',
  name: 'dispatch',
  async execute(tx, command) {
    const { input } = command.payload as { input: SupervisionTaskInput & { region: string } };
    if (input.region !== command.owner)
      throw new InvalidInputError(
        'region',
        `任务应派往 ${input.region}，指令却发给了 ${command.owner} / addressed to ${command.owner}, not ${input.region}`,
      );
    if (!canDispatchSupervisionTask(command.caller, command.owner))
      throw new ForbiddenError('write', command.owner, command.caller.region);
    const fields = normaliseSupervisionTask(input);
    // The dispatcher follows the task through its replica: dispatchedBy names it there.
    const dispatchedBy = command.caller.region === command.owner ? null : command.caller.region;
    const task = await insertSupervisionTask(tx, command.sink, command.owner, fields, dispatchedBy);
    return { id: task.id, version: task.version };
  },
};
