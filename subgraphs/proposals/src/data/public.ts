import {
  changeVersioned,
  holdPendingSlot,
  newAggregateId,
  type OutboxAddress,
  type RegionScope,
  regionWhere,
  versionedTable,
} from '@huishang/subgraph-kit';
import { recordEvent } from '@huishang/subgraph-kit/bus';
import { commentEvent } from '../events/comment-snapshot.js';
import type { Prisma, PrismaClient, ProposalComment } from '../generated/prisma/client.js';
import type { CommentStatus } from '../generated/prisma/enums.js';
import {
  changeProposal,
  listWhere,
  type Proposal,
  type ProposalDetail,
  rowsByProposal,
} from './proposals.js';

export type { ProposalComment };

type IdBefore = { lt: string } | undefined;

/** Publishes a proposal (and whatever reply it has or will have) with its `proposal.published`. */
export const publishProposal = (
  db: PrismaClient,
  sink: OutboxAddress,
  current: ProposalDetail,
  now: Date,
) => changeProposal(db, sink, 'published', current, { publishedAt: now });

const publishedWhere = (scope: RegionScope) => ({
  ...regionWhere(scope.region, scope.includeSubregions),
  publishedAt: { not: null },
});

/** Published proposals only, newest first: all the public may list. */
export const listPublished = (
  db: PrismaClient,
  scope: RegionScope,
  idBefore: IdBefore,
  take: number,
) => listWhere(db, publishedWhere(scope), idBefore, take);

export const countPublished = (db: PrismaClient, scope: RegionScope) =>
  db.proposal.count({ where: publishedWhere(scope) });

/** Approved comments of many proposals, oldest first, grouped in the order asked. */
export const findApprovedComments = (db: PrismaClient, ids: string[]) =>
  rowsByProposal(ids, (where) =>
    db.proposalComment.findMany({
      where: { ...where, status: 'APPROVED' },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    }),
  );

/** A citizen's comment, held as PENDING, with its `proposal-comment.submitted` event. */
/**
 * Stores a comment for moderation; one from a source (`sourceKey`: the caller's subject, a
 * pseudonym of the anonymous public's address) with `pendingPerSource` comments waiting
 * at the node is refused, and nothing is written.
 */
export const createComment = (
  db: PrismaClient,
  sink: OutboxAddress,
  proposal: Proposal,
  comment: { body: string; authorName: string | null; sourceKey: string },
) =>
  db.$transaction(async (tx) => {
    const place = { schema: sink.schema, table: 'proposal_comment', region: proposal.region };
    await holdPendingSlot(tx, place, comment.sourceKey);
    const created = await tx.proposalComment.create({
      data: {
        id: newAggregateId(sink.origin),
        proposalId: proposal.id,
        region: proposal.region,
        ...comment,
      },
    });
    await recordEvent(tx, sink, commentEvent('submitted', created));
    return created;
  });

export const findComment = (db: PrismaClient, id: string) =>
  db.proposalComment.findUnique({ where: { id } });

const commentTable = versionedTable(
  'ProposalComment',
  (tx: Prisma.TransactionClient) => tx.proposalComment,
);

/** Approves or rejects a comment read at `current.version`, with its `proposal-comment.moderated`. */
export const moderateComment = (
  db: PrismaClient,
  sink: OutboxAddress,
  current: ProposalComment,
  decision: { status: CommentStatus; reason: string | null },
  moderatedBy: string,
  now: Date,
) =>
  db.$transaction((tx) =>
    changeVersioned(tx, commentTable, {
      id: current.id,
      readAt: current.version,
      plan: () => ({ fields: { ...decision, moderatedBy, moderatedAt: now } }),
      async record(t, moderated) {
        await recordEvent(t, sink, commentEvent('moderated', moderated));
        return moderated;
      },
    }),
  );

/** The moderation queue: a region's comments in one status, newest first. */
const queueWhere = (region: string, status: CommentStatus) => ({ region, status });

export const listComments = (
  db: PrismaClient,
  filter: { region: string; status: CommentStatus },
  idBefore: IdBefore,
  take: number,
) =>
  db.proposalComment.findMany({
    where: { ...queueWhere(filter.region, filter.status), ...(idBefore ? { id: idBefore } : {}) },
    orderBy: { id: 'desc' },
    take,
  });

export const countComments = (
  db: PrismaClient,
  filter: { region: string; status: CommentStatus },
) => db.proposalComment.count({ where: queueWhere(filter.region, filter.status) });
