import { getRegion } from '@huishang/schema';
import {
  assertReadableRegion,
  assertWritableRegion,
  fetchConnection,
  isoTime,
  type PageArgs,
  type RegionScope,
} from '@huishang/subgraph-kit';
import type { ConsultationsContext } from '../context.js';
import {
  countOpinionItems,
  listOpinionItems,
  type OpinionItem,
  submitOpinionItem,
} from '../data/opinion-items.js';
import { normaliseOpinionItem, type OpinionItemInput } from '../domain/opinion-input.js';
import { loadReadable, memberReference } from './readable.js';

type Owned<T> = { input: T & { region: string } };

export const opinionItemResolvers = {
  __resolveReference: (reference: { id: string }, context: ConsultationsContext) =>
    loadReadable(context, (id) => context.opinionItemById.load(id), reference.id),
  region: (item: OpinionItem) => ({ code: item.region }),
  place: (item: OpinionItem) => (item.place ? { code: item.place } : null),
  submitter: (item: OpinionItem) => memberReference(item.submitterId),
  createdAt: (item: OpinionItem) => isoTime(item.createdAt),
};

export const opinionItemQueries = {
  opinionItems: (_: unknown, args: RegionScope & PageArgs, context: ConsultationsContext) => {
    assertReadableRegion(context.identity, args.region);
    return fetchConnection(
      args,
      (idBefore, take) => listOpinionItems(context.db(), args, idBefore, take),
      () => countOpinionItems(context.db(), args),
    );
  },
};

export const opinionItemMutations = {
  async submitOpinionItem(
    _: unknown,
    { input }: Owned<OpinionItemInput & { place?: string | null }>,
    context: ConsultationsContext,
  ) {
    assertWritableRegion(context.identity, input.region);
    const place = input.place ? await getRegion(input.place) : null;
    const fields = normaliseOpinionItem(input.region, input, place);
    return submitOpinionItem(context.db(), context.sink(), input.region, fields);
  },
};
