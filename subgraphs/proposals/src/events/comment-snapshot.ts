import type { EventName, NewEvent } from '@huishang/schema';
import { isoTime } from '@huishang/subgraph-kit';
import type { ProposalComment } from '../generated/prisma/client.js';

/** A comment as its events carry it (`events/snapshots/proposal-comment.schema.json`). */
export const commentEvent = (
  name: EventName<'proposal-comment'>,
  comment: ProposalComment,
): NewEvent<{ snapshot: Record<string, unknown> }> => ({
  type: `proposal-comment.${name}`,
  aggregate: { type: 'proposal-comment', id: comment.id, version: comment.version },
  payload: {
    snapshot: {
      id: comment.id,
      proposalId: comment.proposalId,
      region: comment.region,
      body: comment.body,
      authorName: comment.authorName,
      status: comment.status,
      reason: comment.reason,
      moderatedBy: comment.moderatedBy,
      moderatedAt: isoTime(comment.moderatedAt),
      version: comment.version,
      createdAt: isoTime(comment.createdAt),
    },
  },
});
