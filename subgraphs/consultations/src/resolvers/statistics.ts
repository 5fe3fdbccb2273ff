import { assertReadableRegion, reportByNextLevel } from '@huishang/subgraph-kit';
import type { ConsultationsContext } from '../context.js';
import { consultationCountRows, supervisionCountRows } from '../data/statistics.js';
import { summariseConsultations, summariseSupervisionTasks } from '../domain/statistics.js';

export const statisticsResolvers = {
  async consultationStatistics(
    _: unknown,
    args: { region: string },
    context: ConsultationsContext,
  ) {
    assertReadableRegion(context.identity, args.region);
    return reportByNextLevel(
      args.region,
      await consultationCountRows(context.db(), args.region),
      summariseConsultations,
    );
  },

  /** 民主监督 figures of the subtree, coloured on today's date in Beijing. */
  async supervisionStatistics(_: unknown, args: { region: string }, context: ConsultationsContext) {
    assertReadableRegion(context.identity, args.region);
    const rows = await supervisionCountRows(
      context.db(),
      context.sink().schema,
      args.region,
      new Date(),
    );
    return reportByNextLevel(args.region, rows, summariseSupervisionTasks);
  },
};
