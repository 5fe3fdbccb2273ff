import {
  type EventSink,
  newId,
  type RegionScope,
  recordEvent,
  regionWhere,
} from '@huishang/subgraph-kit';
import type { SupervisionTaskFields } from '../domain/supervision-input.js';
import { supervisionTaskEvent } from '../events/supervision-task-snapshot.js';
import type { Prisma, PrismaClient, SupervisionTask } from '../generated/prisma/client.js';

export type { SupervisionTask };

export const findSupervisionTasksByIds = (db: PrismaClient, ids: string[]) =>
  db.supervisionTask.findMany({ where: { id: { in: ids } } });

export const listSupervisionTasks = (
  db: PrismaClient,
  scope: RegionScope,
  idBefore: { lt: string } | undefined,
  take: number,
) =>
  db.supervisionTask.findMany({
    where: {
      ...regionWhere(scope.region, scope.includeSubregions),
      ...(idBefore ? { id: idBefore } : {}),
    },
    orderBy: { id: 'desc' },
    take,
  });

export const countSupervisionTasks = (db: PrismaClient, scope: RegionScope) =>
  db.supervisionTask.count({ where: regionWhere(scope.region, scope.includeSubregions) });

/** Stores the new task and its event in the caller's transaction (a command's, say). */
export async function insertSupervisionTask(
  tx: Prisma.TransactionClient,
  sink: EventSink,
  region: string,
  fields: SupervisionTaskFields,
): Promise<SupervisionTask> {
  const row = await tx.supervisionTask.create({ data: { id: newId(), region, ...fields } });
  await recordEvent(tx, sink, supervisionTaskEvent('created', row));
  return row;
}

/** Stores the new task and its event together. */
export const createSupervisionTask = (
  db: PrismaClient,
  sink: EventSink,
  region: string,
  fields: SupervisionTaskFields,
): Promise<SupervisionTask> =>
  db.$transaction((tx) => insertSupervisionTask(tx, sink, region, fields));
