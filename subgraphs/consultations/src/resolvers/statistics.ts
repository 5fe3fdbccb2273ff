import { assertReadableRegion, reportByNextLevel } from '@huishang/subgraph-kit';
import type { ConsultationsContext } from '../context.js';
import { consultationCountRows } from '../data/statistics.js';
import { summariseConsultations } from '../domain/statistics.js';

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
};
