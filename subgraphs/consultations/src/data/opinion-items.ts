import { newId } from '@huishang/subgraph-kit';
import type { OpinionItemFields } from '../domain/opinion-input.js';
import type { OpinionItem, PrismaClient } from '../generated/prisma/client.js';

export type { OpinionItem };

export const findOpinionItemsByIds = (db: PrismaClient, ids: string[]) =>
  db.opinionItem.findMany({ where: { id: { in: ids } } });

export const listOpinionItems = (
  db: PrismaClient,
  region: string,
  idBefore: { lt: string } | undefined,
  take: number,
) =>
  db.opinionItem.findMany({
    where: { region, ...(idBefore ? { id: idBefore } : {}) },
    orderBy: { id: 'desc' },
    take,
  });

export const countOpinionItems = (db: PrismaClient, region: string) =>
  db.opinionItem.count({ where: { region } });

export const submitOpinionItem = (
  db: PrismaClient,
  region: string,
  fields: OpinionItemFields,
): Promise<OpinionItem> => db.opinionItem.create({ data: { id: newId(), region, ...fields } });
