import { createByIdLoader, type RequestContext } from '@huishang/subgraph-kit';
import { findCrossTermVotes } from './data/cross-term.js';
import { findFollowUps, findLeaders, findReviews, findUrges } from './data/lifecycle.js';
import {
  findEvaluations,
  findHandlingUnits,
  findProposalsByIds,
  findReplies,
  findSuggestions,
} from './data/proposals.js';
import { findApprovedComments } from './data/public.js';
import { isUuid } from './domain/ids.js';
import type { PrismaClient } from './generated/prisma/client.js';

export type ProposalsContext = RequestContext<PrismaClient> & ReturnType<typeof extendContext>;

/**
 * Per-request loaders: entity references and the child rows of a page of proposals each
 * cost one query per batch, never one per proposal.
 */
export function extendContext(context: RequestContext<PrismaClient>) {
  return {
    // an id that is not a UUID cannot exist, and must not reach the uuid column
    proposalById: createByIdLoader((ids) => findProposalsByIds(context.db(), ids.filter(isUuid))),
    suggestionsOf: createByIdLoader((ids) => findSuggestions(context.db(), ids)),
    handlingUnitsOf: createByIdLoader((ids) => findHandlingUnits(context.db(), ids)),
    repliesOf: createByIdLoader((ids) => findReplies(context.db(), ids)),
    evaluationsOf: createByIdLoader((ids) => findEvaluations(context.db(), ids)),
    reviewsOf: createByIdLoader((ids) => findReviews(context.db(), ids)),
    leadersOf: createByIdLoader((ids) => findLeaders(context.db(), ids)),
    urgesOf: createByIdLoader((ids) => findUrges(context.db(), ids)),
    followUpsOf: createByIdLoader((ids) => findFollowUps(context.db(), ids)),
    crossTermVotesOf: createByIdLoader((ids) => findCrossTermVotes(context.db(), ids)),
    approvedCommentsOf: createByIdLoader((ids) => findApprovedComments(context.db(), ids)),
  };
}
