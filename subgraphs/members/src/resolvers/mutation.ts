import { getRegion, isWithin } from '@huishang/schema';
import { assertWritableRegion, NotFoundError } from '@huishang/subgraph-kit';
import type { MembersContext } from '../context.js';
import { createMember, updateMember } from '../data/members.js';
import { applyMemberChange, type MemberInput, normaliseNewMember } from '../domain/member-input.js';
import { VillageOutsideRegionError } from '../errors.js';
import type { Party } from '../generated/prisma/enums.js';

async function assertVillagesWithin(villages: string[], region: string): Promise<void> {
  for (const code of villages) {
    const village = await getRegion(code);
    if (village.level !== 'VILLAGE' || !isWithin(code, region))
      throw new VillageOutsideRegionError(code, region);
  }
}

type CreateMemberInput = MemberInput & {
  region: string;
  name: string;
  sector: string;
  party: Party;
  term: number;
};

export const mutationResolvers = {
  async createMember(_: unknown, { input }: { input: CreateMemberInput }, context: MembersContext) {
    assertWritableRegion(context.identity, input.region);
    const fields = normaliseNewMember(input);
    await assertVillagesWithin(fields.linkedVillages, input.region);
    return createMember(context.db(), context.sink(), input.region, fields);
  },

  async updateMember(
    _: unknown,
    args: { id: string; expectedVersion?: number | null; input: MemberInput },
    context: MembersContext,
  ) {
    const current = await context.memberById.load(args.id);
    if (!current) throw new NotFoundError('Member', args.id);
    assertWritableRegion(context.identity, current.region);
    const fields = applyMemberChange(current, args.input);
    await assertVillagesWithin(fields.linkedVillages, current.region);
    return updateMember(
      context.db(),
      context.sink(),
      current,
      args.expectedVersion ?? current.version,
      fields,
    );
  },
};
