import { createByIdLoader, type RequestContext } from '@huishang/subgraph-kit';
import {
  findEvaluations,
  findHandlingUnits,
  findProposalsByIds,
  findReplies,
  findSuggestions,
} from './data/proposals.js';
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
  };
}
