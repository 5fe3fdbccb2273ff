import {
  assertReadableRegion,
  type PeriodInput,
  periodOf,
  reportByNextLevel,
} from '@huishang/subgraph-kit';
import type { MembersContext } from '../context.js';
import { memberActivityRows, memberCountRows } from '../data/statistics.js';
import { summariseActivity, summariseMembers } from '../domain/statistics.js';
import { InvalidTermError } from '../errors.js';

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

  /** At the members' own node from its own rows; above, from the summaries they publish. */
  async memberActivity(
    _: unknown,
    args: { region: string; term: number },
    context: MembersContext,
  ) {
    assertReadableRegion(context.identity, args.region);
    if (!Number.isInteger(args.term) || args.term < 1 || args.term > 99)
      throw new InvalidTermError(args.term);
    return reportByNextLevel(
      args.region,
      await memberActivityRows(context.db(), args.region, args.term),
      summariseActivity,
    );
  },
};
