import { childrenOf, getRegion, type Region } from '@huishang/schema';
import {
  assertReadableRegion,
  fetchConnection,
  type PageArgs,
  requireText,
} from '@huishang/subgraph-kit';
import type { MembersContext } from '../context.js';
import { listGroups } from '../data/groups.js';
import {
  countMembers,
  findPeopleByName,
  linkedVillagesOf,
  listMembers,
  type MemberFilter,
} from '../data/members.js';
import { type TownVillages, villageCoverage } from '../domain/village-coverage.js';
import { CoverageLevelError } from '../errors.js';
import { loadReadableMember } from './member.js';
import { loadReadablePerson } from './person.js';

/** The towns of a county (or the one town) with their villages, loaded from the registry. */
async function villagesByTown(region: Region): Promise<TownVillages[]> {
  const towns = region.level === 'TOWN' ? [region] : await childrenOf(region.code);
  return Promise.all(towns.map(async (town) => ({ town, villages: await childrenOf(town.code) })));
}

export interface GroupArgs {
  region: string;
  includeSubregions?: boolean | null;
  online?: boolean | null;
}

export const queryResolvers = {
  region: (_: unknown, args: { code: string }) => getRegion(args.code),
  member: (_: unknown, args: { id: string }, context: MembersContext) =>
    loadReadableMember(args.id, context),
  person: (_: unknown, args: { id: string }, context: MembersContext) =>
    loadReadablePerson(args.id, context),
  async people(_: unknown, args: { region: string; name: string }, context: MembersContext) {
    assertReadableRegion(context.identity, args.region);
    const name = requireText('name', args.name, 50);
    const people = await findPeopleByName(context.db(), args.region, name, 50);
    return people.toSorted(
      (a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN') || a.id.localeCompare(b.id),
    );
  },
  members: (_: unknown, args: MemberFilter & PageArgs, context: MembersContext) => {
    assertReadableRegion(context.identity, args.region);
    return fetchConnection(
      args,
      (idBefore, take) => listMembers(context.db(), args, idBefore, take),
      () => countMembers(context.db(), args),
    );
  },
  studios: (_: unknown, args: GroupArgs, context: MembersContext) => {
    assertReadableRegion(context.identity, args.region);
    return listGroups(context.db(), 'STUDIO', args.region, args.includeSubregions, args.online);
  },
  dutyGroups: (_: unknown, args: GroupArgs, context: MembersContext) => {
    assertReadableRegion(context.identity, args.region);
    return listGroups(context.db(), 'DUTY_GROUP', args.region, args.includeSubregions);
  },
  /** A county's (or one town's) villages against the links of the county's committee. */
  async villageCoverage(_: unknown, args: { region: string }, context: MembersContext) {
    const region = await getRegion(args.region);
    if (region.level !== 'COUNTY' && region.level !== 'TOWN')
      throw new CoverageLevelError(region.code, region.level);
    const county = region.code.slice(0, 6);
    assertReadableRegion(context.identity, county);
    const [towns, linked] = await Promise.all([
      villagesByTown(region),
      linkedVillagesOf(context.db(), county),
    ]);
    return { region, ...villageCoverage(towns, linked) };
  },
};
