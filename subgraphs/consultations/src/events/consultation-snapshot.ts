import type { NewEvent } from '@huishang/schema';
import { isoDate, isoTime } from '@huishang/subgraph-kit';
import type {
  Adoption,
  ConsultationPlatform,
  ConsultationStage,
  ParticipantKind,
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
  }[];
  suggestions: { id: string; text: string; proposedBy: string | null; adoption: Adoption }[];
}

/** The consultation's whole state as events carry it (`events/snapshots/consultation.schema.json`). */
export type ConsultationSnapshot = Serialised<ConsultationRows>;

export type ConsultationEventName =
  | 'created'
  | 'participants-added'
  | 'suggestions-recorded'
  | 'adoption-set';

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
  version: rows.version,
  createdAt: isoTime(rows.createdAt),
  updatedAt: isoTime(rows.updatedAt),
  participants: rows.participants.map(({ id, memberId, name, kind, affiliation, attended }) => ({
    id,
    memberId,
    name,
    kind,
    affiliation,
    attended,
  })),
  suggestions: rows.suggestions.map(({ id, text, proposedBy, adoption }) => ({
    id,
    text,
    proposedBy,
    adoption,
  })),
});

/** The rows a snapshot stands for: what a replica stores. */
export const consultationRowsOf = (snapshot: ConsultationSnapshot): ConsultationRows => ({
  ...snapshot,
  heldOn: snapshot.heldOn === null ? null : new Date(`${snapshot.heldOn}T00:00:00Z`),
  createdAt: new Date(snapshot.createdAt),
  updatedAt: new Date(snapshot.updatedAt),
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
