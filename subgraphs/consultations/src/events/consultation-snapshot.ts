import type { EventName, NewEvent } from '@huishang/schema';
import { isoDate, isoTime } from '@huishang/subgraph-kit';
import type {
  Adoption,
  ConsultationLead,
  ConsultationPlatform,
  ConsultationStage,
  EvaluatorParty,
  ParticipantKind,
  Rating,
  RecipientKind,
  TopicSource,
} from '../generated/prisma/enums.js';
import type { Serialised } from './serialised.js';

/** A consultation row with its participants and suggestions, as `data/` loads it. */
export interface ConsultationRows {
  id: string;
  region: string;
  title: string;
  description: string | null;
  platform: ConsultationPlatform;
  topicSource: TopicSource;
  stage: ConsultationStage;
  venue: string | null;
  venueName: string | null;
  heldOn: Date | null;
  topicId: string | null;
  lead: ConsultationLead | null;
  partyRegions: string[];
  minutes: string | null;
  minutesSentAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  participants: {
    id: string;
    memberId: string | null;
    name: string;
    kind: ParticipantKind;
    affiliation: string | null;
    attended: boolean;
    contributedBy: string | null;
  }[];
  suggestions: {
    id: string;
    text: string;
    proposedBy: string | null;
    adoption: Adoption;
    contributedBy: string | null;
    proposalId: string | null;
    opinionItemId: string | null;
  }[];
  recipients: {
    id: string;
    name: string;
    kind: RecipientKind;
    signedOffAt: Date | null;
    answeredAt: Date | null;
    answer: string | null;
  }[];
  evaluations: {
    id: string;
    party: EvaluatorParty;
    wellMade: Rating;
    wellHandled: Rating;
    consensus: Rating;
    note: string | null;
  }[];
}

/** The consultation's whole state as events carry it (`events/snapshots/consultation.schema.json`). */
export type ConsultationSnapshot = Serialised<ConsultationRows>;

/** Its events' names, from the contract's one list (`eventNames`). */
export type ConsultationEventName = EventName<'consultation'>;

export const consultationSnapshot = (rows: ConsultationRows): ConsultationSnapshot => ({
  id: rows.id,
  region: rows.region,
  title: rows.title,
  description: rows.description,
  platform: rows.platform,
  topicSource: rows.topicSource,
  stage: rows.stage,
  venue: rows.venue,
  venueName: rows.venueName,
  heldOn: isoDate(rows.heldOn),
  topicId: rows.topicId,
  lead: rows.lead,
  partyRegions: rows.partyRegions,
  minutes: rows.minutes,
  minutesSentAt: rows.minutesSentAt && isoTime(rows.minutesSentAt),
  version: rows.version,
  createdAt: isoTime(rows.createdAt),
  updatedAt: isoTime(rows.updatedAt),
  participants: rows.participants.map((p) => ({
    id: p.id,
    memberId: p.memberId,
    name: p.name,
    kind: p.kind,
    affiliation: p.affiliation,
    attended: p.attended,
    contributedBy: p.contributedBy,
  })),
  suggestions: rows.suggestions.map((s) => ({
    id: s.id,
    text: s.text,
    proposedBy: s.proposedBy,
    adoption: s.adoption,
    contributedBy: s.contributedBy,
    proposalId: s.proposalId,
    opinionItemId: s.opinionItemId,
  })),
  recipients: rows.recipients.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    signedOffAt: r.signedOffAt && isoTime(r.signedOffAt),
    answeredAt: r.answeredAt && isoTime(r.answeredAt),
    answer: r.answer,
  })),
  evaluations: rows.evaluations.map((e) => ({
    id: e.id,
    party: e.party,
    wellMade: e.wellMade,
    wellHandled: e.wellHandled,
    consensus: e.consensus,
    note: e.note,
  })),
});

const dateOrNull = (iso: string | null) => (iso === null ? null : new Date(iso));

/** The rows a snapshot stands for: what a replica stores. */
export const consultationRowsOf = (snapshot: ConsultationSnapshot): ConsultationRows => ({
  ...snapshot,
  heldOn: snapshot.heldOn === null ? null : new Date(`${snapshot.heldOn}T00:00:00Z`),
  minutesSentAt: dateOrNull(snapshot.minutesSentAt),
  createdAt: new Date(snapshot.createdAt),
  updatedAt: new Date(snapshot.updatedAt),
  recipients: snapshot.recipients.map((r) => ({
    ...r,
    signedOffAt: dateOrNull(r.signedOffAt),
    answeredAt: dateOrNull(r.answeredAt),
  })),
});

/** `consultation.<name>` at the version the change produced, with the state after it. */
export const consultationEvent = (
  name: ConsultationEventName,
  rows: ConsultationRows,
): NewEvent<{ snapshot: ConsultationSnapshot }> => ({
  type: `consultation.${name}`,
  aggregate: { type: 'consultation', id: rows.id, version: rows.version },
  payload: { snapshot: consultationSnapshot(rows) },
});
