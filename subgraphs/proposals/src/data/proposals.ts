import {
  changeVersioned,
  newAggregateId,
  type OutboxAddress,
  regionWhere,
  versionedTable,
} from '@huishang/subgraph-kit';
import { recordEvent } from '@huishang/subgraph-kit/bus';
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
import {
  HandlingRole,
  type ProposalCategory,
  type ProposalStatus,
} from '../generated/prisma/enums.js';

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

/** Many proposals with their child rows, in one query per kind of row. */
export const findProposalDetails = (db: PrismaClient, ids: string[]): Promise<ProposalDetail[]> =>
  db.proposal.findMany({ where: { id: { in: ids } }, include: detail });

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
  sink: OutboxAddress,
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

/** The child rows a proposal's detail lists, each in `detail`'s order. */
type Children = Omit<ProposalDetail, keyof Proposal>;
/** The rows one change adds, as their writes returned them. */
export type AddedRows = { [K in keyof Children]?: Children[K] };

const roleOrder: readonly string[] = Object.keys(HandlingRole);
/** A column's value as the database orders it: dates by time, a handling role by its enum. */
const rank = (value: unknown) =>
  value instanceof Date
    ? value.getTime()
    : typeof value === 'string'
      ? roleOrder.indexOf(value)
      : Number(value);

/** Sorts rows as `orderBy` (one of `detail`'s; no text columns) has the database sort them. */
function sortedAs<R extends object>(rows: R[], orderBy: object): R[] {
  const columns = [orderBy].flat().flatMap((o) => Object.keys(o));
  const at = (row: R, column: string) => rank((row as Record<string, unknown>)[column]);
  return rows.toSorted((a, b) => {
    for (const column of columns) {
      const d = at(a, column) - at(b, column);
      if (d !== 0) return d;
    }
    return 0;
  });
}

/** The detail after a change: the row as written, `current`'s child rows and those added. */
function changedDetail(row: Proposal, current: ProposalDetail, added: AddedRows): ProposalDetail {
  const children = Object.fromEntries(
    (Object.keys(detail) as (keyof Children)[]).map((key) => {
      const rows = [...current[key], ...(added[key] ?? [])] as Record<string, unknown>[];
      return [key, added[key] ? sortedAs(rows, detail[key].orderBy) : current[key]];
    }),
  ) as Children;
  return { ...row, ...children };
}

const proposalTable = versionedTable('Proposal', (tx: Prisma.TransactionClient) => tx.proposal);

/**
 * One change of a proposal, inside the caller's transaction, by the kit's
 * `changeVersioned`: refused unless the proposal is still at the version `current` was
 * read at; `add` writes the rows the change brings and returns them as written; the event
 * carries `current`'s child rows with those, so nothing is read again.
 */
export function applyChange(
  tx: Prisma.TransactionClient,
  sink: OutboxAddress,
  event: ProposalEventName,
  current: ProposalDetail,
  fields: Prisma.ProposalUpdateManyMutationInput,
  add?: (tx: Prisma.TransactionClient) => Promise<AddedRows>,
): Promise<ProposalDetail> {
  return changeVersioned(tx, proposalTable, {
    id: current.id,
    readAt: current.version,
    plan: () => ({ fields, ...(add && { add }) }),
    async record(t, row, added) {
      const changed = changedDetail(row, current, added ?? {});
      await recordEvent(t, sink, proposalEvent(event, changed));
      return changed;
    },
  });
}

/** A command that is one change of one proposal: `applyChange` in a transaction of its own. */
export const changeProposal = (
  db: PrismaClient,
  sink: OutboxAddress,
  event: ProposalEventName,
  current: ProposalDetail,
  fields: Prisma.ProposalUpdateManyMutationInput,
  add?: (tx: Prisma.TransactionClient) => Promise<AddedRows>,
) => db.$transaction((tx) => applyChange(tx, sink, event, current, fields, add));
