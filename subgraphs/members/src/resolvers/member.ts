import { getRegion } from '@huishang/schema';
import { canRead, ForbiddenError, isoTime, requireIdentity } from '@huishang/subgraph-kit';
import type { MembersContext } from '../context.js';
import type { Member } from '../data/members.js';

/** Loads a member by id, batched; one the caller may not read is refused. */
export async function loadReadableMember(
  id: string,
  context: MembersContext,
): Promise<Member | null> {
  const caller = requireIdentity(context.identity);
  const member = await context.memberById.load(id);
  if (member && !canRead(caller, member.region))
    throw new ForbiddenError('read', member.region, caller.region);
  return member;
}

export const memberResolvers = {
  __resolveReference: (reference: { id: string }, context: MembersContext) =>
    loadReadableMember(reference.id, context),
  region: (member: Member) => getRegion(member.region),
  linkedVillages: (member: Member) => Promise.all(member.linkedVillages.map(getRegion)),
  createdAt: (member: Member) => isoTime(member.createdAt),
  updatedAt: (member: Member) => isoTime(member.updatedAt),
};
