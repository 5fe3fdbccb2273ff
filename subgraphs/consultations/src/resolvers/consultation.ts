import {
  ForbiddenError,
  isoDate,
  isoTime,
  NotFoundError,
  requireIdentity,
} from '@huishang/subgraph-kit';
import type { ConsultationsContext } from '../context.js';
import { type Consultation, findSuggestion } from '../data/consultations.js';
import { adoptionRate } from '../domain/adoption-rate.js';
import { nextStage } from '../domain/consultation-stages.js';
import { canSeeConsultation } from '../domain/parties.js';
import { isUuid } from '../domain/place.js';

/** A consultation its owner's readers or a joint party's may see; others are refused. */
export async function loadReadableConsultation(id: string, context: ConsultationsContext) {
  const caller = requireIdentity(context.identity);
  const consultation = await context.consultationById.load(id);
  if (consultation && !canSeeConsultation(caller, consultation))
    throw new ForbiddenError('read', consultation.region, caller.region);
  return consultation;
}

/** The suggestion `id`, refused as not found unless it is here. */
export async function existingSuggestion(id: string, context: ConsultationsContext) {
  const suggestion = isUuid(id) ? await findSuggestion(context.db(), id) : null;
  if (!suggestion) throw new NotFoundError('ConsultationSuggestion', id);
  return suggestion;
}

export const consultationResolvers = {
  __resolveReference: (reference: { id: string }, context: ConsultationsContext) =>
    loadReadableConsultation(reference.id, context),
  region: (consultation: Consultation) => ({ code: consultation.region }),
  venue: (consultation: Consultation) => (consultation.venue ? { code: consultation.venue } : null),
  heldOn: (consultation: Consultation) => isoDate(consultation.heldOn),
  topic: (consultation: Consultation, _: unknown, context: ConsultationsContext) =>
    consultation.topicId ? context.topicById.load(consultation.topicId) : null,
  parties: (consultation: Consultation) => consultation.partyRegions.map((code) => ({ code })),
  nextStage: (consultation: Consultation) => nextStage(consultation.stage),
  participants: (consultation: Consultation, _: unknown, context: ConsultationsContext) =>
    context.participantsOf.load(consultation.id),
  suggestions: (consultation: Consultation, _: unknown, context: ConsultationsContext) =>
    context.suggestionsOf.load(consultation.id),
  recipients: async (consultation: Consultation, _: unknown, context: ConsultationsContext) =>
    (await context.recipientsOf.load(consultation.id)).map((recipient) => ({
      ...recipient,
      sentAt: consultation.minutesSentAt,
    })),
  evaluations: (consultation: Consultation, _: unknown, context: ConsultationsContext) =>
    context.evaluationsOf.load(consultation.id),
  adoptionRate: async (consultation: Consultation, _: unknown, context: ConsultationsContext) =>
    adoptionRate((await context.suggestionsOf.load(consultation.id)).map((s) => s.adoption)),
  minutesSentAt: (consultation: Consultation) =>
    consultation.minutesSentAt && isoTime(consultation.minutesSentAt),
  createdAt: (consultation: Consultation) => isoTime(consultation.createdAt),
  updatedAt: (consultation: Consultation) => isoTime(consultation.updatedAt),
};
