import { getRegion } from '@huishang/schema';
import { assertReadableRegion, fetchConnection, type PageArgs } from '@huishang/subgraph-kit';
import type { MembersContext } from '../context.js';
import { countMembers, listMembers, type MemberFilter } from '../data/members.js';
import { loadReadableMember } from './member.js';

export const queryResolvers = {
  region: (_: unknown, args: { code: string }) => getRegion(args.code),
  member: (_: unknown, args: { id: string }, context: MembersContext) =>
    loadReadableMember(args.id, context),
  members: (_: unknown, args: MemberFilter & PageArgs, context: MembersContext) => {
    assertReadableRegion(context.identity, args.region);
    return fetchConnection(
      args,
      (idBefore, take) => listMembers(context.db(), args, idBefore, take),
      () => countMembers(context.db(), args),
    );
  },
};
