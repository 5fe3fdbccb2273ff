import { getRegion } from '@huishang/schema';
import { assertWritableRegion, NotFoundError } from '@huishang/subgraph-kit';
import type { ConsultationsContext } from '../context.js';
import * as consultations from '../data/consultations.js';
import { submitOpinionItem } from '../data/opinion-items.js';
import { createSupervisionTask } from '../data/supervision-tasks.js';
import { type ConsultationInput, normaliseNewConsultation } from '../domain/consultation-input.js';
import { normaliseOpinionItem, type OpinionItemInput } from '../domain/opinion-input.js';
import { normaliseParticipants, type ParticipantInput } from '../domain/participants.js';
import { isUuid } from '../domain/place.js';
import {
  assertAdoptionSettable,
  normaliseSuggestions,
  type SuggestionInput,
} from '../domain/suggestions.js';
import {
  normaliseSupervisionTask,
  type SupervisionTaskInput,
} from '../domain/supervision-input.js';
import type { Adoption } from '../generated/prisma/enums.js';

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
    { input }: Owned<ConsultationInput & { venue?: string | null }>,
    context: ConsultationsContext,
  ) {
    assertWritableRegion(context.identity, input.region);
    const fields = normaliseNewConsultation(input.region, input, await regionOrNull(input.venue));
    return consultations.createConsultation(context.db(), context.sink(), input.region, fields);
  },

  async addParticipants(
    _: unknown,
    args: { consultationId: string; participants: ParticipantInput[] },
    context: ConsultationsContext,
  ) {
    const current = await writableConsultation(args.consultationId, context);
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
    const rows = normaliseSuggestions(args.suggestions);
    context.suggestionsOf.clear(current.id);
    return consultations.recordSuggestions(context.db(), context.sink(), current.id, rows);
  },

  async setSuggestionAdoption(
    _: unknown,
    args: { suggestionId: string; adoption: Adoption },
    context: ConsultationsContext,
  ) {
    const suggestion = isUuid(args.suggestionId)
      ? await consultations.findSuggestion(context.db(), args.suggestionId)
      : null;
    if (!suggestion) throw new NotFoundError('ConsultationSuggestion', args.suggestionId);
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

  async createSupervisionTask(
    _: unknown,
    { input }: Owned<SupervisionTaskInput>,
    context: ConsultationsContext,
  ) {
    assertWritableRegion(context.identity, input.region);
    return createSupervisionTask(
      context.db(),
      context.sink(),
      input.region,
      normaliseSupervisionTask(input),
    );
  },

  // A task for a committee below: the owner authorises and applies it (commands/).
  dispatchSupervisionTask(
    _: unknown,
    { input }: Owned<SupervisionTaskInput>,
    context: ConsultationsContext,
  ) {
    // Bad input fails here, before anything is sent; the owner checks it again.
    normaliseSupervisionTask(input);
    return context.commands.send({
      aggregate: 'supervision-task',
      name: 'dispatch',
      owner: input.region,
      payload: { input },
    });
  },

  async submitOpinionItem(
    _: unknown,
    { input }: Owned<OpinionItemInput & { place?: string | null }>,
    context: ConsultationsContext,
  ) {
    assertWritableRegion(context.identity, input.region);
    const fields = normaliseOpinionItem(input.region, input, await regionOrNull(input.place));
    return submitOpinionItem(context.db(), context.sink(), input.region, fields);
  },
};
