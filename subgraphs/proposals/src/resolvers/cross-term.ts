import {
  assertReadableRegion,
  assertWritableRegion,
  InvalidInputError,
  isoTime,
  NotFoundError,
  reportByNextLevel,
} from '@huishang/subgraph-kit';
import type { ProposalsContext } from '../context.js';
import { crossTermCountRows, recordVote, sortProposals } from '../data/cross-term.js';
import { findProposalDetail, findProposalDetails, type ProposalDetail } from '../data/proposals.js';
import {
  maxSortingBatch,
  planSorting,
  planVote,
  summariseCrossTerm,
  type VoteTally,
} from '../domain/cross-term.js';
import { requireUuid } from '../domain/ids.js';
import type { CrossTermOutcome } from '../generated/prisma/enums.js';

export const crossTermQueryResolvers = {
  async crossTermReport(
    _: unknown,
    args: { region: string; term: number },
    context: ProposalsContext,
  ) {
    assertReadableRegion(context.identity, args.region);
    const rows = await crossTermCountRows(context.db(), args.region, args.term);
    return reportByNextLevel(args.region, rows, (region, group) =>
      summariseCrossTerm(region, args.term, group),
    );
  },
};

export const crossTermMutationResolvers = {
  /** 跨届梳理 of a batch, all or nothing; every proposal must be the region's own. */
  async sortProposalsAcrossTerms(
    _: unknown,
    args: {
      region: string;
      newTerm: number;
      sortings: { id: string; outcome: CrossTermOutcome }[];
    },
    context: ProposalsContext,
  ) {
    assertWritableRegion(context.identity, args.region);
    if (args.sortings.length > maxSortingBatch)
      throw new InvalidInputError(
        'sortings',
        `至多 ${maxSortingBatch} 件 / at most ${maxSortingBatch}`,
      );
    const ids = args.sortings.map(({ id }) => requireUuid('id', id));
    const found = new Map(
      (await findProposalDetails(context.db(), ids)).map((proposal) => [proposal.id, proposal]),
    );
    const planned = args.sortings.map(({ outcome }, i) => {
      const current = found.get(ids[i] as string);
      if (!current || current.region !== args.region)
        throw new NotFoundError('Proposal', ids[i] as string);
      return { current, ...planSorting(current, outcome, args.newTerm) };
    });
    return sortProposals(context.db(), context.sink(), planned);
  },

  /** 常委会民主评议: a pass at 80 % closes the key proposal, a failure is kept on record. */
  async recordCrossTermVote(
    _: unknown,
    args: VoteTally & { id: string; term: number },
    context: ProposalsContext,
  ) {
    const current = await findProposalDetail(context.db(), requireUuid('id', args.id));
    if (!current) throw new NotFoundError('Proposal', args.id);
    assertWritableRegion(context.identity, current.region);
    const { id: _id, ...vote } = args;
    const { passed, status } = planVote(current, vote);
    return recordVote(
      context.db(),
      context.sink(),
      current,
      { ...vote, passed, status },
      new Date(),
    );
  },
};

export const crossTermProposalResolvers = {
  crossTermVotes: async (
    proposal: Partial<ProposalDetail> & { id: string },
    _: unknown,
    context: ProposalsContext,
  ) => proposal.crossTermVotes ?? (await context.crossTermVotesOf.load(proposal.id))?.rows ?? [],
};

export const crossTermVoteResolvers = {
  votedAt: (vote: { votedAt: Date }) => isoTime(vote.votedAt),
};
