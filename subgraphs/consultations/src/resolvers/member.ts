import {
  assertReadableRegion,
  fetchConnection,
  type PageArgs,
  requireIdentity,
} from '@huishang/subgraph-kit';
import type { ConsultationsContext } from '../context.js';
import { countConsultationsOfMember, listConsultationsOfMember } from '../data/consultations.js';

export const memberResolvers = {
  // A node's database holds only its own region's records, so reading it is reading the node's region.
  consultations: (member: { id: string }, args: PageArgs, context: ConsultationsContext) => {
    assertReadableRegion(context.identity, requireIdentity(context.identity).node);
    return fetchConnection(
      args,
      (idBefore, take) => listConsultationsOfMember(context.db(), member.id, idBefore, take),
      () => countConsultationsOfMember(context.db(), member.id),
    );
  },
};
