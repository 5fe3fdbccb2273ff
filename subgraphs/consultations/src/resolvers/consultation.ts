import { isoDate, isoTime } from '@huishang/subgraph-kit';
import type { ConsultationsContext } from '../context.js';
import type { Consultation } from '../data/consultations.js';
import { adoptionRate } from '../domain/adoption-rate.js';
import { loadReadable } from './readable.js';

export const loadReadableConsultation = (id: string, context: ConsultationsContext) =>
  loadReadable(context, (key) => context.consultationById.load(key), id);

// Children of every consultation in a page are fetched together, one query per kind.
const participantsOf = async (consultation: Consultation, context: ConsultationsContext) =>
  (await context.participantsOf.load(consultation.id))?.rows ?? [];
const suggestionsOf = async (consultation: Consultation, context: ConsultationsContext) =>
  (await context.suggestionsOf.load(consultation.id))?.rows ?? [];

export const consultationResolvers = {
  __resolveReference: (reference: { id: string }, context: ConsultationsContext) =>
    loadReadableConsultation(reference.id, context),
  region: (consultation: Consultation) => ({ code: consultation.region }),
  venue: (consultation: Consultation) => (consultation.venue ? { code: consultation.venue } : null),
  heldOn: (consultation: Consultation) => isoDate(consultation.heldOn),
  participants: (consultation: Consultation, _: unknown, context: ConsultationsContext) =>
    participantsOf(consultation, context),
  suggestions: (consultation: Consultation, _: unknown, context: ConsultationsContext) =>
    suggestionsOf(consultation, context),
  adoptionRate: async (consultation: Consultation, _: unknown, context: ConsultationsContext) =>
    adoptionRate((await suggestionsOf(consultation, context)).map((s) => s.adoption)),
  createdAt: (consultation: Consultation) => isoTime(consultation.createdAt),
  updatedAt: (consultation: Consultation) => isoTime(consultation.updatedAt),
};
