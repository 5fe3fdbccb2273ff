import { NotPublishableError } from '../errors.js';
import type { ProposalStatus } from '../generated/prisma/enums.js';
import { registeredStatuses } from './proposal-lifecycle.js';

/**
 * 政协提案我参与 (Yueqing): a registered proposal, and the units' reply once there is one,
 * is published with the proposer's consent, given by the lead proposer in person or
 * recorded by the office of the owner region (who may, actors.ts decides). Refuses a
 * proposal that was never registered.
 */
export function assertPublishable(status: ProposalStatus): void {
  if (!registeredStatuses.includes(status)) throw new NotPublishableError(status);
}
