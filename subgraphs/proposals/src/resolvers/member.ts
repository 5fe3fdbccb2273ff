import { getCommitteeRegion } from '@huishang/schema';
import {
  ForbiddenError,
  fetchConnection,
  isPublicOnly,
  type PageArgs,
  requireIdentity,
} from '@huishang/subgraph-kit';
import type { ProposalsContext } from '../context.js';
import { countMemberProposals, listMemberProposals } from '../data/proposals.js';
import { requireUuid } from '../domain/ids.js';
import { subtreePrefix } from '../domain/region-scope.js';

export const memberResolvers = {
  /** Proposals the member leads or co-signs, among those the caller may read. */
  proposals: (member: { id: string }, args: PageArgs, context: ProposalsContext) => {
    const caller = requireIdentity(context.identity);
    if (isPublicOnly(caller)) throw new ForbiddenError('read', caller.region, caller.region);
    const filter = {
      memberId: requireUuid('id', member.id),
      regionPrefix: subtreePrefix(getCommitteeRegion(caller.region)),
    };
    return fetchConnection(
      args,
      (idBefore, take) => listMemberProposals(context.db(), filter, idBefore, take),
      () => countMemberProposals(context.db(), filter),
    );
  },
};
