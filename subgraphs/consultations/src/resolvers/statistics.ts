import {
  assertReadableRegion,
  type PeriodInput,
  periodOf,
  reportByNextLevel,
} from '@huishang/subgraph-kit';
import type { ConsultationsContext } from '../context.js';
import { consultationCountRows, supervisionCountRows } from '../data/statistics.js';
import { summariseConsultations, summariseSupervisionTasks } from '../domain/statistics.js';

/** A statistic's arguments: the region with its subtree, and the period (no terms here). */
export interface StatisticsArgs {
  region: string;
  period?: PeriodInput | null;
}

export const statisticsResolvers = {
  async consultationStatistics(_: unknown, args: StatisticsArgs, context: ConsultationsContext) {
    assertReadableRegion(context.identity, args.region);
    const period = periodOf(args.period, { terms: false });
    return reportByNextLevel(
      args.region,
      await consultationCountRows(context.db(), args.region, period),
      summariseConsultations,
    );
  },

  /** 民主监督 figures of the subtree, coloured on today's date in Beijing. */
  async supervisionStatistics(_: unknown, args: StatisticsArgs, context: ConsultationsContext) {
    assertReadableRegion(context.identity, args.region);
    const period = periodOf(args.period, { terms: false });
    const rows = await supervisionCountRows(
      context.db(),
      context.sink().schema,
      args.region,
      new Date(),
      period,
    );
    return reportByNextLevel(args.region, rows, summariseSupervisionTasks);
  },
};
