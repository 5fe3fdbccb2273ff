import {
  type EventSink,
  newId,
  type RegionScope,
  recordEvent,
  regionWhere,
} from '@huishang/subgraph-kit';
import type { OpinionItemFields } from '../domain/opinion-input.js';
import { opinionItemEvent } from '../events/opinion-item-snapshot.js';
import type { OpinionItem, PrismaClient } from '../generated/prisma/client.js';

export type { OpinionItem };

export const findOpinionItemsByIds = (db: PrismaClient, ids: string[]) =>
  db.opinionItem.findMany({ where: { id: { in: ids } } });

export const listOpinionItems = (
  db: PrismaClient,
  scope: RegionScope,
  idBefore: { lt: string } | undefined,
  take: number,
) =>
  db.opinionItem.findMany({
    where: {
      ...regionWhere(scope.region, scope.includeSubregions),
      ...(idBefore ? { id: idBefore } : {}),
    },
    orderBy: { id: 'desc' },
    take,
  });

export const countOpinionItems = (db: PrismaClient, scope: RegionScope) =>
  db.opinionItem.count({ where: regionWhere(scope.region, scope.includeSubregions) });

/** Stores the new item and its event together. */
export const submitOpinionItem = (
  db: PrismaClient,
  sink: EventSink,
  region: string,
  fields: OpinionItemFields,
): Promise<OpinionItem> =>
  db.$transaction(async (tx) => {
    const row = await tx.opinionItem.create({ data: { id: newId(), region, ...fields } });
    await recordEvent(tx, sink, opinionItemEvent('submitted', row));
    return row;
  });
