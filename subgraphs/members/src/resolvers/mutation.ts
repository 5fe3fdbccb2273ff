import { getRegion, isWithin, type RegionLevel } from '@huishang/schema';
import {
  assertWritableRegion,
  canWrite,
  NotFoundError,
  requireIdentity,
  requireText,
} from '@huishang/subgraph-kit';
import type { MembersContext } from '../context.js';
import { createGroup, type GroupFields, type MemberGroup, updateGroup } from '../data/groups.js';
import { createMember, type PersonChoice, updateMember, updatePerson } from '../data/members.js';
import { applyMemberChange, type MemberInput, normaliseNewMember } from '../domain/member-input.js';
import {
  applyPersonChange,
  normalisePerson,
  type PersonInput,
  personChanged,
} from '../domain/person-input.js';
import {
  MemberOutsideCommitteeError,
  PersonAmbiguousError,
  PersonOwnedElsewhereError,
  PlaceOutsideRegionError,
  VillageOutsideRegionError,
} from '../errors.js';
import type { MemberGroupKind, Party } from '../generated/prisma/enums.js';
import { dutyMutations } from './duty.js';

async function assertVillagesWithin(villages: string[], region: string): Promise<void> {
  for (const code of villages) {
    const village = await getRegion(code);
    if (village.level !== 'VILLAGE' || !isWithin(code, region))
      throw new VillageOutsideRegionError(code, region);
  }
}

type CreateMemberInput = MemberInput &
  PersonInput & {
    region: string;
    personId?: string | null;
    sector: string;
    party: Party;
    term: number;
  };

/** The new member's person: a known one by id, or a new one by name; never both. */
function personChoice(input: CreateMemberInput, now: Date): PersonChoice {
  if (input.personId && input.name == null) return { id: input.personId };
  if (!input.personId && input.name != null)
    return { fields: normalisePerson({ ...input, name: input.name }, now) };
  throw new PersonAmbiguousError();
}

export interface GroupInput {
  name: string;
  place?: string;
  town?: string;
  online?: boolean | null;
  memberIds: string[];
}

const groupPlaces: Record<MemberGroupKind, { levels: RegionLevel[]; expected: string }> = {
  STUDIO: { levels: ['TOWN', 'VILLAGE'], expected: '乡镇或村（社区）/ town or village' },
  DUTY_GROUP: { levels: ['TOWN'], expected: '乡镇（街道）/ town' },
};

/** Checks a studio's or duty group's fields against the committee of `region`. */
async function groupFields(
  kind: MemberGroupKind,
  region: string,
  input: GroupInput,
  context: MembersContext,
): Promise<GroupFields> {
  const code = (kind === 'STUDIO' ? input.place : input.town) ?? '';
  const place = await getRegion(code);
  const rule = groupPlaces[kind];
  if (!rule.levels.includes(place.level) || !isWithin(code, region))
    throw new PlaceOutsideRegionError(code, region, rule.expected);
  const memberIds = [...new Set(input.memberIds)];
  const members = await Promise.all(memberIds.map((id) => context.memberById.load(id)));
  members.forEach((member, i) => {
    if (member?.region !== region)
      throw new MemberOutsideCommitteeError(memberIds[i] as string, region);
  });
  return {
    name: requireText('name', input.name, 50),
    place: code,
    online: kind === 'STUDIO' && (input.online ?? false),
    memberIds,
  };
}

async function loadGroup(id: string, kind: MemberGroupKind, context: MembersContext) {
  const group = await context.groupById.load(id);
  if (!group || group.kind !== kind) throw new NotFoundError(kind, id);
  return group;
}

const changeGroup = async (
  kind: MemberGroupKind,
  args: { id: string; expectedVersion?: number | null; input: GroupInput },
  context: MembersContext,
): Promise<MemberGroup> => {
  const current = await loadGroup(args.id, kind, context);
  assertWritableRegion(context.identity, current.region);
  const fields = await groupFields(kind, current.region, args.input, context);
  return updateGroup(
    context.db(),
    context.sink(),
    current,
    args.expectedVersion ?? current.version,
    fields,
  );
};

const newGroup = async (
  kind: MemberGroupKind,
  args: { region: string; input: GroupInput },
  context: MembersContext,
): Promise<MemberGroup> => {
  assertWritableRegion(context.identity, args.region);
  const fields = await groupFields(kind, args.region, args.input, context);
  return createGroup(context.db(), context.sink(), args.region, kind, fields);
};

export type GroupChangeArgs = { id: string; expectedVersion?: number | null; input: GroupInput };

export const mutationResolvers = {
  async createMember(_: unknown, { input }: { input: CreateMemberInput }, context: MembersContext) {
    assertWritableRegion(context.identity, input.region);
    const choice = personChoice(input, new Date());
    const fields = normaliseNewMember(input);
    await assertVillagesWithin(fields.linkedVillages, input.region);
    return createMember(context.db(), context.sink(), input.region, choice, fields);
  },

  async updateMember(
    _: unknown,
    args: { id: string; expectedVersion?: number | null; input: MemberInput & PersonInput },
    context: MembersContext,
  ) {
    const current = await context.memberById.load(args.id);
    if (!current) throw new NotFoundError('Member', args.id);
    assertWritableRegion(context.identity, current.region);
    const fields = applyMemberChange(current, args.input);
    await assertVillagesWithin(fields.linkedVillages, current.region);
    const { name, gender } = args.input;
    const person = await context.personById.load(current.personId);
    if (!person) throw new NotFoundError('Person', current.personId);
    const personFields = applyPersonChange(person, { name, gender }, new Date());
    const personChange = personChanged(person, personFields);
    if (personChange && person.region !== current.region)
      throw new PersonOwnedElsewhereError(person.id, person.region, current.region);
    const updated = await updateMember(
      context.db(),
      context.sink(),
      current,
      args.expectedVersion ?? current.version,
      fields,
      personChange ? { current: person, fields: personFields } : undefined,
    );
    // `person` below must read the person as changed, not as loaded before.
    context.personById.clear(person.id);
    return updated;
  },

  async updatePerson(
    _: unknown,
    args: { id: string; expectedVersion?: number | null; input: PersonInput },
    context: MembersContext,
  ) {
    const caller = requireIdentity(context.identity);
    const current = await context.personById.load(args.id);
    if (!current) throw new NotFoundError('Person', args.id);
    if (!canWrite(caller, current.region))
      throw new PersonOwnedElsewhereError(current.id, current.region, caller.region);
    const fields = applyPersonChange(current, args.input, new Date());
    return updatePerson(
      context.db(),
      context.sink(),
      current,
      args.expectedVersion ?? current.version,
      fields,
    );
  },

  createStudio: (
    _: unknown,
    args: { region: string; input: GroupInput },
    context: MembersContext,
  ) => newGroup('STUDIO', args, context),
  updateStudio: (_: unknown, args: GroupChangeArgs, context: MembersContext) =>
    changeGroup('STUDIO', args, context),
  createDutyGroup: (
    _: unknown,
    args: { region: string; input: GroupInput },
    context: MembersContext,
  ) => newGroup('DUTY_GROUP', args, context),
  updateDutyGroup: (_: unknown, args: GroupChangeArgs, context: MembersContext) =>
    changeGroup('DUTY_GROUP', args, context),
  ...dutyMutations,
};
