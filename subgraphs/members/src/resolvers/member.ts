import { getRegion } from '@huishang/schema';
import { canRead, ForbiddenError, isoTime, requireIdentity } from '@huishang/subgraph-kit';
import type { MembersContext } from '../context.js';
import { listDutyRecords } from '../data/duty.js';
import type { Member } from '../data/members.js';
import { dutyScore } from '../domain/duty-score.js';
import type { DutyKind } from '../generated/prisma/enums.js';

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

/** Duty records live at the node of the member's committee only (see the README). */
const keepsDutyOf = (member: Member, context: MembersContext) =>
  requireIdentity(context.identity).node === member.region;

export const memberResolvers = {
  __resolveReference: (reference: { id: string }, context: MembersContext) =>
    loadReadableMember(reference.id, context),
  region: (member: Member) => getRegion(member.region),
  person: (member: Member, _: unknown, context: MembersContext) =>
    context.personById.load(member.personId),
  linkedVillages: (member: Member) => Promise.all(member.linkedVillages.map(getRegion)),
  studios: async (member: Member, _: unknown, context: MembersContext) =>
    (await context.groupsOfMember.load(member.id)).filter((g) => g.kind === 'STUDIO'),
  dutyGroups: async (member: Member, _: unknown, context: MembersContext) =>
    (await context.groupsOfMember.load(member.id)).filter((g) => g.kind === 'DUTY_GROUP'),
  dutyRecord: (member: Member, args: { kind?: DutyKind | null }, context: MembersContext) =>
    keepsDutyOf(member, context) ? listDutyRecords(context.db(), member.id, args.kind) : null,
  async dutyScore(member: Member, _: unknown, context: MembersContext) {
    if (!keepsDutyOf(member, context)) return null;
    const [counts, weights] = await Promise.all([
      context.dutyCountsOfMember.load(member.id),
      context.weightsOfCommittee.load(member.region),
    ]);
    return dutyScore(counts, weights);
  },
  createdAt: (member: Member) => isoTime(member.createdAt),
  updatedAt: (member: Member) => isoTime(member.updatedAt),
};
