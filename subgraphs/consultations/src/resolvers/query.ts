import {
  assertReadableRegion,
  fetchConnection,
  type PageArgs,
  type RegionScope,
} from '@huishang/subgraph-kit';
import type { ConsultationsContext } from '../context.js';
import {
  type ConsultationFilter,
  countConsultations,
  listConsultations,
} from '../data/consultations.js';
import { countOpinionItems, listOpinionItems } from '../data/opinion-items.js';
import { countSupervisionTasks, listSupervisionTasks } from '../data/supervision-tasks.js';
import { loadReadableConsultation } from './consultation.js';

type RegionPage = RegionScope & PageArgs;

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
  supervisionTasks: (_: unknown, args: RegionPage, context: ConsultationsContext) => {
    assertReadableRegion(context.identity, args.region);
    return fetchConnection(
      args,
      (idBefore, take) => listSupervisionTasks(context.db(), args, idBefore, take),
      () => countSupervisionTasks(context.db(), args),
    );
  },
  consultationsCommandStatus: (_: unknown, args: { id: string }, context: ConsultationsContext) =>
    context.commands.status(args.id),
  opinionItems: (_: unknown, args: RegionPage, context: ConsultationsContext) => {
    assertReadableRegion(context.identity, args.region);
    return fetchConnection(
      args,
      (idBefore, take) => listOpinionItems(context.db(), args, idBefore, take),
      () => countOpinionItems(context.db(), args),
    );
  },
};
