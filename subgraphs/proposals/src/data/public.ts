import {
  holdPendingSlot,
  newAggregateId,
  type RegionScope,
  regionWhere,
  VersionConflictError,
} from '@huishang/subgraph-kit';
import { type EventSink, recordEvent } from '@huishang/subgraph-kit/bus';
import { commentEvent } from '../events/comment-snapshot.js';
import type { PrismaClient, ProposalComment } from '../generated/prisma/client.js';
import type { CommentStatus } from '../generated/prisma/enums.js';
import { changeProposal, listWhere, type Proposal, rowsByProposal } from './proposals.js';

export type { ProposalComment };

type IdBefore = { lt: string } | undefined;

/** Publishes a proposal (and whatever reply it has or will have) with its `proposal.published`. */
export const publishProposal = (db: PrismaClient, sink: EventSink, current: Proposal, now: Date) =>
  changeProposal(db, sink, 'published', current, { publishedAt: now });

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
  sink: EventSink,
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

/** Approves or rejects a comment read at `current.version`, with its `proposal-comment.moderated`. */
export const moderateComment = (
  db: PrismaClient,
  sink: EventSink,
  current: ProposalComment,
  decision: { status: CommentStatus; reason: string | null },
  moderatedBy: string,
  now: Date,
) =>
  db.$transaction(async (tx) => {
    const { count } = await tx.proposalComment.updateMany({
      where: { id: current.id, version: current.version },
      data: { ...decision, moderatedBy, moderatedAt: now, version: { increment: 1 } },
    });
    if (count === 0) {
      const actual = await tx.proposalComment.findUnique({
        where: { id: current.id },
        select: { version: true },
      });
      throw new VersionConflictError(
        'ProposalComment',
        current.id,
        current.version,
        actual?.version ?? 0,
      );
    }
    const moderated = await tx.proposalComment.findUniqueOrThrow({ where: { id: current.id } });
    await recordEvent(tx, sink, commentEvent('moderated', moderated));
    return moderated;
  });

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
