import { getCommitteeRegion } from '@huishang/schema';
import { type CommandHandler, canWrite, ForbiddenError } from '@huishang/subgraph-kit';
import { insertOpinionItem } from '../data/opinion-items.js';
import type { Prisma } from '../generated/prisma/client.js';

interface RaisedItem {
  id: string;
  region: string;
  title: string;
  body: string;
  category: string;
  place: string | null;
  submitterId: string | null;
}

/**
 * `opinion-item.raise`, applied by the committee one level up: a policy question from the
 * committee directly below arrives in its inbox as a new item (SUBMITTED, to be reviewed
 * there), linked to the original by `sourceRegion` and `sourceItemId`. Only that
 * committee's staff, on its own node, may raise its own items here.
 */
export const raiseOpinionItem: CommandHandler<Prisma.TransactionClient> = {
  aggregate: 'opinion-item',
  name: 'raise',
  async execute(tx, command) {
    const { item } = command.payload as { item: RaisedItem };
    if (
      getCommitteeRegion(item.region).parentCode !== command.owner ||
      !canWrite(command.caller, item.region)
    )
      throw new ForbiddenError('write', command.owner, command.caller.region);
    const { title, body, category, place, submitterId } = item;
    const raised = await insertOpinionItem(tx, command.sink, command.owner, {
      title,
      body,
      category,
      place,
      submitterId,
      sourceRegion: item.region,
      sourceItemId: item.id,
    });
    return { id: raised.id, version: raised.version };
  },
};
