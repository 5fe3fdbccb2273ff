import { ancestorsOf, childrenOf, getRegion, type Region } from '@huishang/schema';
import { assertReadableRegion, fetchConnection, type PageArgs } from '@huishang/subgraph-kit';
import type { MembersContext } from '../context.js';
import { countMembers, listMembers } from '../data/members.js';

const parentOf = (region: Region) => (region.parentCode ? getRegion(region.parentCode) : null);

export const regionResolvers = {
  __resolveReference: (reference: { code: string }) => getRegion(reference.code),
  parent: parentOf,
  children: (region: Region) => childrenOf(region.code),
  ancestors: (region: Region) => ancestorsOf(region.code),
  members: (region: Region, args: PageArgs, context: MembersContext) => {
    assertReadableRegion(context.identity, region.code);
    const filter = { region: region.code };
    return fetchConnection(
      args,
      (idBefore, take) => listMembers(context.db(), filter, idBefore, take),
      () => countMembers(context.db(), filter),
    );
  },
};
