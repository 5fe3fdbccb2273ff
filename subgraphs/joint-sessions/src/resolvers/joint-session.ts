import { ForbiddenError, isoDate, isoTime, requireIdentity } from '@huishang/subgraph-kit';
import type { JointSessionsContext } from '../context.js';
import type { JointParty, JointSession } from '../data/joint-sessions.js';
import { canSeeJointSession } from '../domain/visibility.js';

/** Loads a joint session by id, batched; one the caller takes no part in is refused. */
export async function loadReadableJointSession(
  id: string,
  context: JointSessionsContext,
): Promise<JointSession | null> {
  const caller = requireIdentity(context.identity);
  const session = await context.jointSessionById.load(id);
  if (session && !canSeeJointSession(caller, session.partyRegions))
    throw new ForbiddenError('read', session.region, caller.region);
  return session;
}

export const jointSessionResolvers = {
  __resolveReference: (reference: { id: string }, context: JointSessionsContext) =>
    loadReadableJointSession(reference.id, context),
  region: (session: JointSession) => ({ code: session.region }),
  parties: async (session: JointSession, _: unknown, context: JointSessionsContext) =>
    (await context.partiesOfSession.load(session.id))?.parties ?? [],
  consultation: (session: JointSession) =>
    session.consultationId ? { __typename: 'Consultation', id: session.consultationId } : null,
  heldOn: (session: JointSession) => isoDate(session.heldOn),
  createdAt: (session: JointSession) => isoTime(session.createdAt),
  updatedAt: (session: JointSession) => isoTime(session.updatedAt),
};

export const jointPartyResolvers = {
  region: (party: JointParty) => ({ code: party.region }),
};
