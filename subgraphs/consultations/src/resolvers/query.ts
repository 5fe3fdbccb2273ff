import { assertReadableRegion, fetchConnection, type PageArgs } from '@huishang/subgraph-kit';
import type { ConsultationsContext } from '../context.js';
import {
  type ConsultationFilter,
  countConsultations,
  listConsultations,
} from '../data/consultations.js';
import { loadReadableConsultation } from './consultation.js';

export const queryResolvers = {
  consultation: (_: unknown, args: { id: string }, context: ConsultationsContext) =>
    loadReadableConsultation(args.id, context),
  consultations: (
    _: unknown,
    args: ConsultationFilter & PageArgs,
    context: ConsultationsContext,
  ) => {
    assertReadableRegion(context.identity, args.region);
    return fetchConnection(
      args,
      (idBefore, take) => listConsultations(context.db(), args, idBefore, take),
      () => countConsultations(context.db(), args),
    );
  },
};
