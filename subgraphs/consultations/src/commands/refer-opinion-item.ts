import { getCommitteeRegion } from '@huishang/schema';
import { canWrite, ForbiddenError } from '@huishang/subgraph-kit';
import type { CommandHandler } from '@huishang/subgraph-kit/bus';
import { insertOpinionItem } from '../data/opinion-items.js';
import type { OpinionItemRow } from '../events/opinion-item-snapshot.js';
import type { Prisma } from '../generated/prisma/client.js';

/** What a referral carries of the original item. */
type ReferredItem = Pick<
  OpinionItemRow,
  'id' | 'region' | 'title' | 'body' | 'category' | 'place' | 'submitterId'
>;

/** Committees next to each other: one directly above or below the other. */
const adjacent = (a: string, b: string) =>
  getCommitteeRegion(a).parentCode === b || getCommitteeRegion(b).parentCode === a;

/**
 * `opinion-item.refer`, applied by the committee an item is referred to: a policy question
 * from the committee directly below (报上级), or a concrete problem from the committee
 * directly above for the place where it happened (属地). It arrives in the inbox as a new
 * SUBMITTED item, reviewed there, linked to the original by `sourceRegion` and
 * `sourceItemId`. Only staff of the referring committee, on its own node, may refer its
 * own items.
 */
export const referOpinionItem: CommandHandler<Prisma.TransactionClient> = {
  aggregate: 'opinion-item',
  name: 'refer',
  async execute(tx, command) {
    const { item } = command.payload as { item: ReferredItem };
    if (!adjacent(item.region, command.owner) || !canWrite(command.caller, item.region))
      throw new ForbiddenError('write', command.owner, command.caller.region);
    const { title, body, category, place, submitterId } = item;
    const referred = await insertOpinionItem(tx, command.sink, command.owner, {
      title,
      body,
      category,
      place,
      submitterId,
      sourceRegion: item.region,
      sourceItemId: item.id,
    });
    return { id: referred.id, version: referred.version };
  },
};
