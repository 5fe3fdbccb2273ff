import { isoTime } from '@huishang/subgraph-kit';
import type { ConsultationsContext } from '../context.js';
import type { OpinionItem } from '../data/opinion-items.js';
import { loadReadable, memberReference } from './readable.js';

export const opinionItemResolvers = {
  __resolveReference: (reference: { id: string }, context: ConsultationsContext) =>
    loadReadable(context, (id) => context.opinionItemById.load(id), reference.id),
  region: (item: OpinionItem) => ({ code: item.region }),
  place: (item: OpinionItem) => (item.place ? { code: item.place } : null),
  submitter: (item: OpinionItem) => memberReference(item.submitterId),
  createdAt: (item: OpinionItem) => isoTime(item.createdAt),
};
