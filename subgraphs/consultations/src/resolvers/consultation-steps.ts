import { findRegion } from '@huishang/schema';
import {
  assertWritableRegion,
  canActAs,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  requireIdentity,
  requireText,
} from '@huishang/subgraph-kit';
import type { ConsultationsContext } from '../context.js';
import * as consultations from '../data/consultations.js';
import { type ImportConsultationInput, normaliseImport } from '../domain/consultation-import.js';
import { advanceStage, assertActionAllowed } from '../domain/consultation-stages.js';
import { type Contribution, contributionOf } from '../domain/contribution.js';
import {
  assertRecipientStep,
  canActForRecipient,
  normaliseMinutes,
  type RecipientInput,
} from '../domain/minutes.js';
import { isUuid } from '../domain/place.js';
import { normaliseLink, type SuggestionLinkInput } from '../domain/suggestion-links.js';
import { type EvaluationInput, normaliseEvaluation } from '../domain/three-party-evaluation.js';
import { ImportRecordError } from '../errors.js';
import type { ConsultationStage } from '../generated/prisma/enums.js';
import { existingSuggestion, loadReadableConsultation } from './consultation.js';

/** The consultation with its children, once the caller is known to own it. */
async function writableConsultation(id: string, context: ConsultationsContext) {
  const consultation = isUuid(id)
    ? await consultations.findConsultationRows(context.db(), id)
    : null;
  if (!consultation) throw new NotFoundError('Consultation', id);
  assertWritableRegion(context.identity, consultation.region);
  return consultation;
}

/**
 * A recipient and the version of its consultation it was read at, for the office or the
 * recipient unit itself.
 */
async function actingRecipient(id: string, context: ConsultationsContext) {
  const caller = requireIdentity(context.identity);
  const recipient = isUuid(id) ? await consultations.findRecipient(context.db(), id) : null;
  if (!recipient) throw new NotFoundError('MinutesRecipient', id);
  const consultation = await consultations.findConsultationRows(
    context.db(),
    recipient.consultationId,
  );
  if (!consultation || !canActForRecipient(caller, recipient, consultation.region))
    throw new ForbiddenError('write', consultation?.region ?? caller.node, caller.region);
  assertActionAllowed(consultation, 'signOffOrAnswer');
  // The recipient as its consultation was read, so the step is checked at that version.
  const current = consultation.recipients.find((r) => r.id === recipient.id) ?? recipient;
  return { recipient: current, version: consultation.version };
}

export const stepMutationResolvers = {
  async advanceConsultation(
    _: unknown,
    args: { id: string; to: ConsultationStage },
    context: ConsultationsContext,
  ) {
    const current = await writableConsultation(args.id, context);
    const stage = advanceStage(current, args.to, {
      minutesSent: current.minutesSentAt !== null,
      evaluatedBy: current.evaluations.map((e) => e.party),
    });
    return consultations.advanceStage(context.db(), context.sink(), current, stage);
  },

  async recordAttendance(
    _: unknown,
    args: { consultationId: string; participantIds: string[]; attended: boolean },
    context: ConsultationsContext,
  ) {
    const current = await writableConsultation(args.consultationId, context);
    assertActionAllowed(current, 'recordAttendance');
    const known = new Set(current.participants.map((p) => p.id));
    const unknown = args.participantIds.find((id) => !known.has(id));
    if (unknown || args.participantIds.length === 0)
      throw new InvalidInputError(
        'participantIds',
        `不是本次协商的参加人 / not a participant of this consultation: ${unknown ?? '(none)'}`,
      );
    context.participantsOf.clear(current.id);
    return consultations.recordAttendance(
      context.db(),
      context.sink(),
      current.id,
      args.participantIds,
      args.attended,
    );
  },

  async sendConsultationMinutes(
    _: unknown,
    args: { consultationId: string; minutes: string; recipients: RecipientInput[] },
    context: ConsultationsContext,
  ) {
    const current = await writableConsultation(args.consultationId, context);
    assertActionAllowed(current, 'sendMinutes');
    if (current.minutesSentAt)
      throw new InvalidInputError('minutes', '纪要已报送 / the minutes were already sent');
    const minutes = normaliseMinutes(args.minutes, args.recipients);
    return consultations.sendMinutes(context.db(), context.sink(), current, minutes, new Date());
  },

  async signOffMinutes(_: unknown, args: { recipientId: string }, context: ConsultationsContext) {
    const { recipient, version } = await actingRecipient(args.recipientId, context);
    assertRecipientStep(recipient, 'signOff');
    return consultations.updateRecipient(context.db(), context.sink(), recipient, version, {
      signedOffAt: new Date(),
    });
  },

  async answerMinutes(
    _: unknown,
    args: { recipientId: string; answer: string },
    context: ConsultationsContext,
  ) {
    const { recipient, version } = await actingRecipient(args.recipientId, context);
    assertRecipientStep(recipient, 'answer');
    const answer = requireText('answer', args.answer, 5000, 2);
    return consultations.updateRecipient(context.db(), context.sink(), recipient, version, {
      answeredAt: new Date(),
      answer,
    });
  },

  async evaluateConsultation(
    _: unknown,
    args: { consultationId: string; input: EvaluationInput },
    context: ConsultationsContext,
  ) {
    const current = await writableConsultation(args.consultationId, context);
    assertActionAllowed(current, 'evaluate');
    const evaluation = normaliseEvaluation(current, args.input);
    return consultations.addEvaluation(context.db(), context.sink(), current.id, evaluation);
  },

  async linkSuggestion(
    _: unknown,
    args: { suggestionId: string } & SuggestionLinkInput,
    context: ConsultationsContext,
  ) {
    const suggestion = await existingSuggestion(args.suggestionId, context);
    const current = await writableConsultation(suggestion.consultationId, context);
    const link = normaliseLink(suggestion, args);
    if (link.opinionItemId) {
      const item = await context.opinionItemById.load(link.opinionItemId);
      if (!item || item.region !== current.region)
        throw new NotFoundError('OpinionItem', link.opinionItemId);
    }
    context.suggestionsOf.clear(current.id);
    return consultations.linkSuggestion(context.db(), context.sink(), suggestion, link);
  },

  // A joint party's office, on its own node: the owner authorises and applies (commands/).
  async contributeToConsultation(
    _: unknown,
    args: Contribution & { consultationId: string },
    context: ConsultationsContext,
  ) {
    const consultation = await loadReadableConsultation(args.consultationId, context);
    if (!consultation) throw new NotFoundError('Consultation', args.consultationId);
    // Bad input fails here, before anything is sent; the owner checks it again.
    contributionOf(args);
    return context.commands.send({
      aggregate: 'consultation',
      name: 'contribute',
      owner: consultation.region,
      payload: {
        consultationId: consultation.id,
        participants: args.participants ?? [],
        suggestions: args.suggestions ?? [],
      },
    });
  },

  async importConsultations(
    _: unknown,
    args: { records: ImportConsultationInput[] },
    context: ConsultationsContext,
  ) {
    const caller = requireIdentity(context.identity);
    if (!canActAs(caller, caller.node, 'admin'))
      throw new ForbiddenError('write', caller.node, caller.region);
    const venues = await Promise.all(
      args.records.map((r) => (r.venue ? findRegion(r.venue).then((v) => v ?? null) : null)),
    );
    const unknown = args.records.findIndex((record, index) => record.venue && !venues[index]);
    if (unknown >= 0)
      throw new ImportRecordError(
        unknown,
        `未知区划 / unknown region ${args.records[unknown]?.venue}`,
      );
    const rows = normaliseImport(args.records, caller.node, venues);
    const ids = await consultations.importConsultations(context.db(), context.sink(), rows);
    return { count: ids.length, ids };
  },
};
