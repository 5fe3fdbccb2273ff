import { getRegion } from '@huishang/schema';
import type { MembersContext } from '../context.js';
import type { MemberGroup } from '../data/groups.js';

const common = {
  region: (group: MemberGroup) => getRegion(group.region),
  members: (group: MemberGroup, _: unknown, context: MembersContext) =>
    context.membersOfGroup.load(group.id),
};

export const studioResolvers = { ...common, place: (group: MemberGroup) => getRegion(group.place) };

export const dutyGroupResolvers = {
  ...common,
  town: (group: MemberGroup) => getRegion(group.place),
};
