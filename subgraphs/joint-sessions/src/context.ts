import { createByIdLoader, type RequestContext } from '@huishang/subgraph-kit';
import { findJointSessionsByIds, findPartiesOfSessions } from './data/joint-sessions.js';
import type { PrismaClient } from './generated/prisma/client.js';

export type JointSessionsContext = RequestContext<PrismaClient> & ReturnType<typeof extendContext>;

/**
 * Per-request loaders: entity references arrive in batches and cost one query, and the
 * parties of a whole page of sessions are read together.
 */
export function extendContext(context: RequestContext<PrismaClient>) {
  return {
    jointSessionById: createByIdLoader((ids) => findJointSessionsByIds(context.db(), ids)),
    partiesOfSession: createByIdLoader((ids) => findPartiesOfSessions(context.db(), ids)),
  };
}
