import { assertReadableRegion, fetchConnection, type PageArgs } from '@huishang/subgraph-kit';
import type { ProposalsContext } from '../context.js';
import { countProposals, listProposals, type ProposalFilter } from '../data/proposals.js';
import { requireUuid } from '../domain/ids.js';
import { loadReadableProposal } from './proposal.js';

export const queryResolvers = {
  proposal: (_: unknown, args: { id: string }, context: ProposalsContext) =>
    loadReadableProposal(requireUuid('id', args.id), context),
  proposals: (_: unknown, args: ProposalFilter & PageArgs, context: ProposalsContext) => {
    assertReadableRegion(context.identity, args.region);
    return fetchConnection(
      args,
      (idBefore, take) => listProposals(context.db(), args, idBefore, take),
      () => countProposals(context.db(), args),
    );
  },
};
