import { ForbiddenError, NotFoundError } from '@huishang/subgraph-kit';
import type { CommandHandler } from '@huishang/subgraph-kit/bus';
import { applySupervisionStep } from '../data/supervision-tasks.js';
import { canDispatchSupervisionTask } from '../domain/dispatch.js';
import { supervisionOutcome, takeSupervisionStep } from '../domain/supervision-lifecycle.js';
import type { Prisma } from '../generated/prisma/client.js';

/**
 * `supervision-task.remind` (催办 from above), applied by the committee that owns the task:
 * staff of that committee or of one above it, on their own node, as for dispatching. The
 * reminder is a REMIND step like the owner's own, recorded as by the caller and its region.
 */
export const remindSupervisionTask: CommandHandler<Prisma.TransactionClient> = {
  aggregate: 'supervision-task',
  name: 'remind',
  async execute(tx, command) {
    const { id, note } = command.payload as { id: string; note?: string | null };
    const task = await tx.supervisionTask.findUnique({ where: { id }, select: { region: true } });
    if (task?.region !== command.owner) throw new NotFoundError('SupervisionTask', id);
    if (!canDispatchSupervisionTask(command.caller, command.owner))
      throw new ForbiddenError('write', command.owner, command.caller.region);
    const by = `${command.caller.subject}（${command.caller.region}）`;
    const row = await applySupervisionStep(tx, command.sink, id, (current) =>
      takeSupervisionStep(current, { action: 'REMIND', note }, by, new Date()),
    );
    return { id: row.id, version: row.version, reminders: supervisionOutcome(row.steps).reminders };
  },
};
