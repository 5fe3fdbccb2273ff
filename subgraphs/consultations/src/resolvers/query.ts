import { assertReadableRegion, fetchConnection, type PageArgs } from '@huishang/subgraph-kit';
import type { ConsultationsContext } from '../context.js';
import {
  type ConsultationFilter,
  countConsultations,
  countConsultationsWithParty,
  listConsultations,
  listConsultationsWithParty,
} from '../data/consultations.js';
import { loadReadableConsultation } from './consultation.js';

export const queryResolvers = {
  consultation: (_: unknown, args: { id: string }, context: ConsultationsContext) =>
    loadReadableConsultation(args.id, context),
  consultations: (
    _: unknown,
    args: ConsultationFilter & PageArgs & { asParty?: boolean | null },
    context: ConsultationsContext,
  ) => {
    assertReadableRegion(context.identity, args.region);
    // Joint consultations owned by others reach a party's node as replicas (三级会商).
    if (args.asParty)
      return fetchConnection(
        args,
        (idBefore, take) => listConsultationsWithParty(context.db(), args.region, idBefore, take),
        () => countConsultationsWithParty(context.db(), args.region),
      );
    return fetchConnection(
      args,
      (idBefore, take) => listConsultations(context.db(), args, idBefore, take),
      () => countConsultations(context.db(), args),
    );
  },
};
