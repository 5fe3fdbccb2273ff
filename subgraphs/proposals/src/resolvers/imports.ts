import { getCommitteeRegion } from '@huishang/schema';
import { canActAs, ForbiddenError, requireIdentity } from '@huishang/subgraph-kit';
import type { ProposalsContext } from '../context.js';
import { importProposals } from '../data/imports.js';
import { type ImportedProposalInput, planImport } from '../domain/historical-import.js';

export const importMutationResolvers = {
  /** Historical records in their final state; the region's admin only, on its own node. */
  async importProposals(
    _: unknown,
    args: { region: string; records: ImportedProposalInput[] },
    context: ProposalsContext,
  ) {
    const caller = requireIdentity(context.identity);
    getCommitteeRegion(args.region);
    if (!canActAs(caller, args.region, 'admin'))
      throw new ForbiddenError('write', args.region, caller.region);
    const proposals = await importProposals(
      context.db(),
      context.sink(),
      args.region,
      planImport(args.records),
    );
    return { count: proposals.length, proposals };
  },
};
