import {
  assertReadableRegion,
  type PeriodInput,
  periodOf,
  reportByNextLevel,
} from '@huishang/subgraph-kit';
import type { MembersContext } from '../context.js';
import { memberCountRows } from '../data/statistics.js';
import { summariseMembers } from '../domain/statistics.js';

export const statisticsResolvers = {
  async memberStatistics(
    _: unknown,
    args: { region: string; period?: PeriodInput | null },
    context: MembersContext,
  ) {
    assertReadableRegion(context.identity, args.region);
    // a member sits on a committee for a term: there is no date to count a year by
    const period = periodOf(args.period, { terms: true, dates: false });
    return reportByNextLevel(
      args.region,
      await memberCountRows(context.db(), args.region, period),
      summariseMembers,
    );
  },
};
