import { getRegion } from '@huishang/schema';
import { assertWritableRegion, NotFoundError } from '@huishang/subgraph-kit';
import type { ConsultationsContext } from '../context.js';
import * as consultations from '../data/consultations.js';
import { type PlanInput, planConsultation } from '../domain/consultation-input.js';
import { assertActionAllowed } from '../domain/consultation-stages.js';
import { normaliseParticipants, type ParticipantInput } from '../domain/participants.js';
import { isUuid } from '../domain/place.js';
import {
  assertAdoptionSettable,
  normaliseSuggestions,
  type SuggestionInput,
} from '../domain/suggestions.js';
import type { Adoption } from '../generated/prisma/enums.js';
import { existingSuggestion } from './consultation.js';

type Owned<T> = { input: T & { region: string } };

const regionOrNull = (code: string | null | undefined) => (code ? getRegion(code) : null);

/** The consultation to change, once the caller is known to own it. */
async function writableConsultation(id: string, context: ConsultationsContext) {
  const consultation = await context.consultationById.load(id);
  if (!consultation) throw new NotFoundError('Consultation', id);
  assertWritableRegion(context.identity, consultation.region);
  return consultation;
}

export const mutationResolvers = {
  async createConsultation(
    _: unknown,
    { input }: Owned<PlanInput & { venue?: string | null }>,
    context: ConsultationsContext,
  ) {
    assertWritableRegion(context.identity, input.region);
    // Planned only on a topic the chair's meeting approved (domain/topics.ts).
    const topic = isUuid(input.topicId) ? await context.topicById.load(input.topicId) : null;
    if (!topic) throw new NotFoundError('ConsultationTopic', input.topicId);
    const fields = planConsultation(input.region, topic, input, await regionOrNull(input.venue));
    return consultations.createConsultation(context.db(), context.sink(), input.region, fields);
  },

  async addParticipants(
    _: unknown,
    args: { consultationId: string; participants: ParticipantInput[] },
    context: ConsultationsContext,
  ) {
    const current = await writableConsultation(args.consultationId, context);
    assertActionAllowed(current, 'addParticipants');
    const rows = normaliseParticipants(args.participants);
    context.participantsOf.clear(current.id);
    return consultations.addParticipants(context.db(), context.sink(), current.id, rows);
  },

  async recordSuggestions(
    _: unknown,
    args: { consultationId: string; suggestions: SuggestionInput[] },
    context: ConsultationsContext,
  ) {
    const current = await writableConsultation(args.consultationId, context);
    assertActionAllowed(current, 'recordSuggestions');
    const rows = normaliseSuggestions(args.suggestions);
    context.suggestionsOf.clear(current.id);
    return consultations.recordSuggestions(context.db(), context.sink(), current.id, rows);
  },

  async setSuggestionAdoption(
    _: unknown,
    args: { suggestionId: string; adoption: Adoption },
    context: ConsultationsContext,
  ) {
    const suggestion = await existingSuggestion(args.suggestionId, context);
    const current = await writableConsultation(suggestion.consultationId, context);
    assertAdoptionSettable(current);
    context.suggestionsOf.clear(current.id);
    return consultations.setSuggestionAdoption(
      context.db(),
      context.sink(),
      suggestion,
      args.adoption,
    );
  },
};
