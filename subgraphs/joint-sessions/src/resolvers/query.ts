import { getCommitteeRegion } from '@huishang/schema';
import {
  ForbiddenError,
  fetchConnection,
  type PageArgs,
  requireIdentity,
} from '@huishang/subgraph-kit';
import type { JointSessionsContext } from '../context.js';
import { countJointSessions, listJointSessions } from '../data/joint-sessions.js';
import { canSeeJointSession } from '../domain/visibility.js';
import { loadReadableJointSession } from './joint-session.js';

export const queryResolvers = {
  jointSession: (_: unknown, args: { id: string }, context: JointSessionsContext) =>
    loadReadableJointSession(args.id, context),
  jointSessionsCommandStatus: (_: unknown, args: { id: string }, context: JointSessionsContext) =>
    context.commands.status(args.id),
  // Not assertReadableRegion: a partner's region lies outside this node's subtree.
  jointSessions: (
    _: unknown,
    args: { region: string } & PageArgs,
    context: JointSessionsContext,
  ) => {
    const caller = requireIdentity(context.identity);
    getCommitteeRegion(args.region);
    if (!canSeeJointSession(caller, [args.region]))
      throw new ForbiddenError('read', args.region, caller.region);
    return fetchConnection(
      args,
      (idBefore, take) => listJointSessions(context.db(), args.region, idBefore, take),
      () => countJointSessions(context.db(), args.region),
    );
  },
};
