import { newAggregateId, regionWhere, VersionConflictError } from '@huishang/subgraph-kit';
import { type EventSink, recordEvent } from '@huishang/subgraph-kit/bus';
import { searchColumns } from '../domain/search-text.js';
import type { Submission } from '../domain/submission.js';
import { type ProposalEventName, proposalEvent } from '../events/proposal-snapshot.js';
import type {
  HandlingUnit,
  ItemReply,
  Prisma,
  PrismaClient,
  Proposal,
  ProposalEvaluation,
  ProposalSuggestion,
} from '../generated/prisma/client.js';
import type { ProposalCategory, ProposalStatus } from '../generated/prisma/enums.js';

export type { HandlingUnit, ItemReply, Proposal, ProposalEvaluation, ProposalSuggestion };

export const detail = {
  suggestions: { orderBy: { seq: 'asc' } },
  handlingUnits: { orderBy: { role: 'asc' } },
  replies: { orderBy: [{ round: 'asc' }, { suggestionSeq: 'asc' }, { repliedAt: 'asc' }] },
  evaluations: { orderBy: [{ round: 'asc' }, { evaluatedAt: 'asc' }] },
  crossTermVotes: { orderBy: { seq: 'asc' } },
  reviews: { orderBy: { seq: 'asc' } },
  leaders: { orderBy: { seq: 'asc' } },
  urges: { orderBy: { seq: 'asc' } },
  followUps: { orderBy: { suggestionSeq: 'asc' } },
} satisfies Prisma.ProposalInclude;

/** A proposal with its suggestion list, units, replies and evaluations. */
export type ProposalDetail = Prisma.ProposalGetPayload<{ include: typeof detail }>;

export interface ProposalFilter {
  region: string;
  includeSubregions?: boolean | null;
  status?: ProposalStatus | null;
  category?: ProposalCategory | null;
  term?: number | null;
}

/** The proposals a member leads or co-signs, within the regions whose codes start with `regionPrefix`. */
export interface MemberProposalFilter {
  memberId: string;
  regionPrefix: string;
}

type IdBefore = { lt: string } | undefined;

const whereOf = (filter: ProposalFilter): Prisma.ProposalWhereInput => ({
  ...regionWhere(filter.region, filter.includeSubregions),
  ...(filter.status ? { status: filter.status } : {}),
  ...(filter.category ? { category: filter.category } : {}),
  ...(filter.term ? { term: filter.term } : {}),
});

const memberWhereOf = (filter: MemberProposalFilter): Prisma.ProposalWhereInput => ({
  region: { startsWith: filter.regionPrefix },
  OR: [{ proposerId: filter.memberId }, { coProposerIds: { has: filter.memberId } }],
});

export const listWhere = (
  db: PrismaClient,
  where: Prisma.ProposalWhereInput,
  idBefore: IdBefore,
  take: number,
) =>
  db.proposal.findMany({
    where: { ...where, ...(idBefore ? { id: idBefore } : {}) },
    orderBy: { id: 'desc' },
    take,
  });

export const findProposalsByIds = (db: PrismaClient, ids: string[]): Promise<Proposal[]> =>
  db.proposal.findMany({ where: { id: { in: ids } } });

export const findProposalDetail = (db: PrismaClient, id: string): Promise<ProposalDetail | null> =>
  db.proposal.findUnique({ where: { id }, include: detail });

export const listProposals = (
  db: PrismaClient,
  filter: ProposalFilter,
  idBefore: IdBefore,
  take: number,
) => listWhere(db, whereOf(filter), idBefore, take);

export const countProposals = (db: PrismaClient, filter: ProposalFilter) =>
  db.proposal.count({ where: whereOf(filter) });

export const listMemberProposals = (
  db: PrismaClient,
  filter: MemberProposalFilter,
  idBefore: IdBefore,
  take: number,
) => listWhere(db, memberWhereOf(filter), idBefore, take);

export const countMemberProposals = (db: PrismaClient, filter: MemberProposalFilter) =>
  db.proposal.count({ where: memberWhereOf(filter) });

/**
 * Child rows of many proposals at once, grouped by proposal id (in the order asked);
 * `find` runs one query for all of them.
 */
export async function rowsByProposal<R extends { proposalId: string }>(
  ids: string[],
  find: (where: { proposalId: { in: string[] } }) => Promise<R[]>,
) {
  const rows = await find({ proposalId: { in: ids } });
  return ids.map((id) => ({ id, rows: rows.filter((row) => row.proposalId === id) }));
}

export const findSuggestions = (db: PrismaClient, ids: string[]) =>
  rowsByProposal(ids, (where) => db.proposalSuggestion.findMany({ where, ...detail.suggestions }));

export const findHandlingUnits = (db: PrismaClient, ids: string[]) =>
  rowsByProposal(ids, (where) => db.handlingUnit.findMany({ where, ...detail.handlingUnits }));

export const findReplies = (db: PrismaClient, ids: string[]) =>
  rowsByProposal(ids, (where) => db.itemReply.findMany({ where, ...detail.replies }));

export const findEvaluations = (db: PrismaClient, ids: string[]) =>
  rowsByProposal(ids, (where) => db.proposalEvaluation.findMany({ where, ...detail.evaluations }));

/** Stores a submitted proposal, its suggestion list and its `proposal.submitted` event together. */
export const createProposal = (
  db: PrismaClient,
  sink: EventSink,
  region: string,
  submission: Submission,
): Promise<ProposalDetail> => {
  const { suggestions, ...fields } = submission;
  return db.$transaction(async (tx) => {
    const proposal = await tx.proposal.create({
      data: {
        id: newAggregateId(sink.origin),
        region,
        ...fields,
        ...searchColumns(fields),
        suggestions: { create: suggestions.map((text, i) => ({ seq: i + 1, text })) },
      },
      include: detail,
    });
    await recordEvent(tx, sink, proposalEvent('submitted', proposal));
    return proposal;
  });
};

/**
 * One change of a proposal, inside the caller's transaction: the row moves to the next
 * version only if nobody changed it since `current` was read (the update also locks it
 * until commit), then `write` adds the rows the change brings, and the event carrying the
 * proposal's new state goes to the outbox.
 */
export async function applyChange(
  tx: Prisma.TransactionClient,
  sink: EventSink,
  event: ProposalEventName,
  current: Proposal,
  data: Prisma.ProposalUpdateManyMutationInput,
  write: (tx: Prisma.TransactionClient) => Promise<unknown> = async () => {},
): Promise<ProposalDetail> {
  const { count } = await tx.proposal.updateMany({
    where: { id: current.id, version: current.version },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) {
    const actual = await tx.proposal.findUnique({
      where: { id: current.id },
      select: { version: true },
    });
    throw new VersionConflictError('Proposal', current.id, current.version, actual?.version ?? 0);
  }
  await write(tx);
  const changed = await tx.proposal.findUniqueOrThrow({
    where: { id: current.id },
    include: detail,
  });
  await recordEvent(tx, sink, proposalEvent(event, changed));
  return changed;
}

/** A command that is one change of one proposal: `applyChange` in a transaction of its own. */
export const changeProposal = (
  db: PrismaClient,
  sink: EventSink,
  event: ProposalEventName,
  current: Proposal,
  data: Prisma.ProposalUpdateManyMutationInput,
  write?: (tx: Prisma.TransactionClient) => Promise<unknown>,
) => db.$transaction((tx) => applyChange(tx, sink, event, current, data, write));
