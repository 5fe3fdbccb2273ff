import {
  changeVersioned,
  newAggregateId,
  type OutboxAddress,
  type RegionScope,
  type VersionedTable,
} from '@huishang/subgraph-kit';
import { recordEvent } from '@huishang/subgraph-kit/bus';
import type { SupervisionTaskFields } from '../domain/supervision-input.js';
import type { SupervisionState, SupervisionStep } from '../domain/supervision-lifecycle.js';
import {
  type SupervisionTaskRow,
  supervisionTaskEvent,
} from '../events/supervision-task-snapshot.js';
import type {
  Prisma,
  PrismaClient,
  SupervisionTask as Stored,
} from '../generated/prisma/client.js';
import type { SupervisionStatus } from '../generated/prisma/enums.js';
import { scopedPage, scopedWhere } from './scoped-page.js';

/** A task as the API and events see it: its step log typed. */
export type SupervisionTask = SupervisionTaskRow;

export interface SupervisionTaskFilter extends RegionScope {
  status?: SupervisionStatus | null;
}

const taskOf = (row: Stored): SupervisionTask => ({
  ...row,
  steps: row.steps as unknown as SupervisionStep[],
});
const filterOf = (filter: SupervisionTaskFilter) =>
  filter.status ? { status: filter.status } : {};

export const findSupervisionTasksByIds = async (db: PrismaClient, ids: string[]) =>
  (await db.supervisionTask.findMany({ where: { id: { in: ids } } })).map(taskOf);

export const listSupervisionTasks = async (
  db: PrismaClient,
  filter: SupervisionTaskFilter,
  idBefore: { lt: string } | undefined,
  take: number,
) =>
  (await db.supervisionTask.findMany(scopedPage(filter, filterOf(filter), idBefore, take))).map(
    taskOf,
  );

export const countSupervisionTasks = (db: PrismaClient, filter: SupervisionTaskFilter) =>
  db.supervisionTask.count({ where: scopedWhere(filter, filterOf(filter)) });

/**
 * Stores the new task and its event in the caller's transaction (a command's, say);
 * `dispatchedBy` is the upper committee that sent it, if one did.
 */
export async function insertSupervisionTask(
  tx: Prisma.TransactionClient,
  sink: OutboxAddress,
  region: string,
  fields: SupervisionTaskFields,
  dispatchedBy: string | null = null,
): Promise<SupervisionTask> {
  const row = taskOf(
    await tx.supervisionTask.create({
      data: { id: newAggregateId(sink.origin), region, dispatchedBy, ...fields },
    }),
  );
  await recordEvent(tx, sink, supervisionTaskEvent('created', row));
  return row;
}

/** Stores the new task and its event together. */
export const createSupervisionTask = (
  db: PrismaClient,
  sink: OutboxAddress,
  region: string,
  fields: SupervisionTaskFields,
): Promise<SupervisionTask> =>
  db.$transaction((tx) => insertSupervisionTask(tx, sink, region, fields));

const supervisionTaskTable: VersionedTable<
  Prisma.TransactionClient,
  SupervisionTask,
  Prisma.SupervisionTaskUpdateInput
> = {
  entity: 'SupervisionTask',
  async lock(tx, id) {
    const [row] = await tx.supervisionTask.updateManyAndReturn({
      where: { id },
      data: { version: { increment: 1 } },
    });
    return row && taskOf(row);
  },
  update: async (tx, id, fields) =>
    taskOf(await tx.supervisionTask.update({ where: { id }, data: fields })),
};

/**
 * One step of a task in the caller's transaction, by the kit's `changeVersioned`: the
 * version goes up first, which locks the row so concurrent steps take turns; `step`
 * decides from the locked state (and may refuse), and the new state and its
 * `supervision-task.step-taken` event are stored together.
 */
export const applySupervisionStep = (
  tx: Prisma.TransactionClient,
  sink: OutboxAddress,
  id: string,
  step: (current: SupervisionState) => SupervisionState,
): Promise<SupervisionTask> =>
  changeVersioned(tx, supervisionTaskTable, {
    id,
    plan(locked) {
      const { status, deadline, handlingUnit, memberIds, steps } = step(locked);
      return {
        fields: {
          ...{ status, deadline, handlingUnit, memberIds },
          steps: steps as unknown as Prisma.InputJsonValue,
        },
      };
    },
    async record(t, row) {
      await recordEvent(t, sink, supervisionTaskEvent('step-taken', row));
      return row;
    },
  });

/** `applySupervisionStep` in a transaction of its own. */
export const changeSupervisionTask = (
  db: PrismaClient,
  sink: OutboxAddress,
  id: string,
  step: (current: SupervisionState) => SupervisionState,
): Promise<SupervisionTask> => db.$transaction((tx) => applySupervisionStep(tx, sink, id, step));
