import { type OutboxAddress, regionWhere } from '@huishang/subgraph-kit';
import type { CrossTermCountRow, VoteTally } from '../domain/cross-term.js';
import { registeredStatuses } from '../domain/proposal-lifecycle.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { CrossTermOutcome, ProposalStatus } from '../generated/prisma/enums.js';
import { applyChange, detail, type ProposalDetail, rowsByProposal } from './proposals.js';

export interface PlannedSorting {
  current: ProposalDetail;
  crossTermOutcome: CrossTermOutcome;
  crossTermSortedIn: number;
}

/** 跨届梳理 of a batch: every proposal moves on one version with its `proposal.sorted`, or none does. */
export const sortProposals = (db: PrismaClient, sink: OutboxAddress, sortings: PlannedSorting[]) =>
  db.$transaction(
    async (tx) => {
      const sorted = [];
      for (const { current, ...fields } of sortings)
        sorted.push(await applyChange(tx, sink, 'sorted', current, fields));
      return sorted;
    },
    { timeout: 60_000 },
  );

/**
 * Records the standing committee's vote as the next of the votes loaded with `current` (the
 * version check refuses it if anyone voted since); a pass closes the proposal.
 */
export const recordVote = (
  db: PrismaClient,
  sink: OutboxAddress,
  current: ProposalDetail,
  vote: VoteTally & { term: number; passed: boolean; status: ProposalStatus },
  now: Date,
) =>
  db.$transaction(async (tx) => {
    const { status, ...row } = vote;
    const seq = current.crossTermVotes.length + 1;
    return applyChange(tx, sink, 'voted', current, { status }, async () => ({
      crossTermVotes: [
        await tx.crossTermVote.create({
          data: { proposalId: current.id, seq, votedAt: now, ...row },
        }),
      ],
    }));
  });

/** A term's registered proposals (only those are sorted) in a region's subtree, counted by owner, outcome, key and status. */
export async function crossTermCountRows(
  db: PrismaClient,
  region: string,
  term: number,
): Promise<CrossTermCountRow[]> {
  const groups = await db.proposal.groupBy({
    by: ['region', 'crossTermOutcome', 'isKey', 'status'],
    where: { ...regionWhere(region, true), term, status: { in: [...registeredStatuses] } },
    _count: { _all: true },
  });
  return groups.map(({ _count, ...row }) => ({ ...row, count: _count._all }));
}

/** The standing committee's votes on many proposals, oldest first, grouped in the order asked. */
export const findCrossTermVotes = (db: PrismaClient, ids: string[]) =>
  rowsByProposal(ids, (where) => db.crossTermVote.findMany({ where, ...detail.crossTermVotes }));
