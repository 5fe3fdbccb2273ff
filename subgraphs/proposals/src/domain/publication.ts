import type { ForwardedIdentity } from '@huishang/schema';
import { canActAs, canWrite, ForbiddenError } from '@huishang/subgraph-kit';
import { NotPublishableError } from '../errors.js';
import type { ProposalStatus } from '../generated/prisma/enums.js';

/**
 * 政协提案我参与 (Yueqing): a registered proposal, and the units' reply once there is one,
 * is published with the proposer's consent, given by the lead proposer in person or
 * recorded by the office of the owner region.
 */
const unpublishable: readonly ProposalStatus[] = [
  'SUBMITTED',
  'SIGNED_IN',
  'PRE_REVIEWED',
  'DECLINED',
  'CONVERTED',
];

export interface PublicationTarget {
  region: string;
  status: ProposalStatus;
  proposerId: string | null;
}

/** Refuses a caller who is neither the office nor the lead proposer, and an unregistered proposal. */
export function assertPublishable(caller: ForwardedIdentity, proposal: PublicationTarget): void {
  const proposer =
    proposal.proposerId !== null &&
    canActAs(caller, proposal.region, 'member') &&
    caller.subject === proposal.proposerId;
  if (!proposer && !canWrite(caller, proposal.region))
    throw new ForbiddenError('write', proposal.region, caller.region);
  if (unpublishable.includes(proposal.status)) throw new NotPublishableError(proposal.status);
}
