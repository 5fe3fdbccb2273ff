import {
  changeVersioned,
  newAggregateId,
  type OutboxAddress,
  type RegionScope,
  versionedTable,
} from '@huishang/subgraph-kit';
import { recordEvent, recordEvents } from '@huishang/subgraph-kit/bus';
import { opinionHandlingStates } from '../domain/colour.js';
import type { OpinionItemFields } from '../domain/opinion-input.js';
import { type OpinionItemEventName, opinionItemEvent } from '../events/opinion-item-snapshot.js';
import type { OpinionItem, Prisma, PrismaClient } from '../generated/prisma/client.js';
import type { OpinionRoute, OpinionStatus } from '../generated/prisma/enums.js';
import { scopedPage, scopedWhere } from './scoped-page.js';

export type { OpinionItem };

export interface OpinionItemFilter extends RegionScope {
  status?: OpinionStatus | null;
  route?: OpinionRoute | null;
  /** Only items whose department is past its deadline (超期): Beijing's today. */
  overdueOn?: Date | null;
}

const filterOf = (filter: OpinionItemFilter) => ({
  ...(filter.status ? { status: filter.status } : {}),
  ...(filter.route ? { route: filter.route } : {}),
  ...(filter.overdueOn
    ? {
        AND: [
          { status: { in: [...opinionHandlingStates] } },
          { deadline: { lt: filter.overdueOn } },
        ],
      }
    : {}),
});

export const findOpinionItemsByIds = (db: PrismaClient, ids: string[]) =>
  db.opinionItem.findMany({ where: { id: { in: ids } } });

export const listOpinionItems = (
  db: PrismaClient,
  filter: OpinionItemFilter,
  idBefore: { lt: string } | undefined,
  take: number,
) => db.opinionItem.findMany(scopedPage(filter, filterOf(filter), idBefore, take));

export const countOpinionItems = (db: PrismaClient, filter: OpinionItemFilter) =>
  db.opinionItem.count({ where: scopedWhere(filter, filterOf(filter)) });

/** A new item in the inbox of `region`: submitted there, or raised from the level below. */
export interface NewOpinionItem extends OpinionItemFields {
  sourceRegion?: string | null;
  sourceItemId?: string | null;
}

/** Stores the new item and its event in the caller's transaction (a command's, say). */
export async function insertOpinionItem(
  tx: Prisma.TransactionClient,
  sink: OutboxAddress,
  region: string,
  fields: NewOpinionItem,
): Promise<OpinionItem> {
  const row = await tx.opinionItem.create({
    data: { id: newAggregateId(sink.origin), region, ...fields },
  });
  await recordEvent(tx, sink, opinionItemEvent('submitted', row));
  return row;
}

/** Stores the new item and its event together. */
export const submitOpinionItem = (
  db: PrismaClient,
  sink: OutboxAddress,
  region: string,
  fields: NewOpinionItem,
): Promise<OpinionItem> => db.$transaction((tx) => insertOpinionItem(tx, sink, region, fields));

const opinionItemTable = versionedTable(
  'OpinionItem',
  (tx: Prisma.TransactionClient) => tx.opinionItem,
);

/**
 * One step of an item, all or nothing, by the kit's `changeVersioned`: the version goes
 * up first, locking the row so concurrent steps take turns; `step` decides from the locked
 * item (and may refuse, or write a record the change links to, in the same transaction),
 * and the change and its `opinion-item.<event>` are stored together.
 */
export const changeOpinionItem = (
  db: PrismaClient,
  sink: OutboxAddress,
  id: string,
  event: OpinionItemEventName,
  step: (
    current: OpinionItem,
    tx: Prisma.TransactionClient,
  ) => Prisma.OpinionItemUpdateInput | Promise<Prisma.OpinionItemUpdateInput>,
): Promise<OpinionItem> =>
  db.$transaction((tx) =>
    changeVersioned(tx, opinionItemTable, {
      id,
      plan: async (locked, t) => ({ fields: await step(locked, t) }),
      async record(t, row) {
        await recordEvent(t, sink, opinionItemEvent(event, row));
        return row;
      },
    }),
  );

/**
 * Historical items (from a committee's earlier system) in their final state, in one
 * transaction, each with its `opinion-item.imported` event.
 */
export const importOpinionItems = (
  db: PrismaClient,
  sink: OutboxAddress,
  region: string,
  items: Omit<Prisma.OpinionItemCreateManyInput, 'id' | 'region'>[],
): Promise<number> =>
  db.$transaction(
    async (tx) => {
      const rows = await tx.opinionItem.createManyAndReturn({
        data: items.map((item) => ({ ...item, id: newAggregateId(sink.origin), region })),
      });
      await recordEvents(
        tx,
        sink,
        rows.map((row) => opinionItemEvent('imported', row)),
      );
      return rows.length;
    },
    { timeout: 60_000 },
  );
