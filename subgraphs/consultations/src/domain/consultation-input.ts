import type { Region, RegionLevel } from '@huishang/schema';
import { InvalidInputError, optionalText, requireDate, requireText } from '@huishang/subgraph-kit';
import { VenueLevelError } from '../errors.js';
import type {
  ConsultationLead,
  ConsultationPlatform,
  TopicSource,
  TopicStatus,
} from '../generated/prisma/enums.js';
import { normaliseParties } from './parties.js';
import { assertPlaceWithin } from './place.js';
import { assertPlannable } from './topics.js';

export interface ConsultationInput {
  title: string;
  description?: string | null;
  platform: ConsultationPlatform;
  topicSource: TopicSource;
  venueName?: string | null;
  heldOn?: string | null;
}

export interface ConsultationFields {
  title: string;
  description: string | null;
  platform: ConsultationPlatform;
  topicSource: TopicSource;
  venue: string | null;
  venueName: string | null;
  heldOn: Date | null;
}

// 民生议事堂 sit in towns, 协商驿站 in villages; other platforms meet anywhere in the region.
const venueLevels: Partial<Record<ConsultationPlatform, RegionLevel>> = {
  LIVELIHOOD_HALL: 'TOWN',
  VILLAGE_STATION: 'VILLAGE',
};

/** Checks where a consultation of `platform`, held by the committee of `region`, meets. */
export function assertVenue(platform: ConsultationPlatform, venue: Region, region: string): void {
  assertPlaceWithin('venue', venue, region);
  const expected = venueLevels[platform];
  if (expected && venue.level !== expected)
    throw new VenueLevelError(platform, expected, venue.code, venue.level);
}

/** Normalises a new consultation; `venue` is the registry's region for the venue code. */
export function normaliseNewConsultation(
  region: string,
  input: ConsultationInput,
  venue: Region | null,
): ConsultationFields {
  if (venue) assertVenue(input.platform, venue, region);
  return {
    title: requireText('title', input.title, 100, 2),
    description: optionalText('description', input.description, 2000),
    platform: input.platform,
    topicSource: input.topicSource,
    venue: venue?.code ?? null,
    venueName: optionalText('venueName', input.venueName, 100),
    heldOn: input.heldOn ? requireDate('heldOn', input.heldOn) : null,
  };
}

/** A consultation as it is stored: its fields, the topic it was planned on, lead and parties. */
export interface NewConsultation extends ConsultationFields {
  topicId: string | null;
  lead: ConsultationLead | null;
  partyRegions: string[];
}

export interface PlanInput {
  topicId: string;
  /** Defaults to the topic's title. */
  title?: string | null;
  description?: string | null;
  venueName?: string | null;
  heldOn?: string | null;
  parties?: string[] | null;
}

/**
 * Plans a consultation on an approved topic of the same committee: platform, source and
 * 6+X lead come from the chair's meeting's decision.
 */
export function planConsultation(
  region: string,
  topic: {
    id: string;
    region: string;
    status: TopicStatus;
    title: string;
    source: TopicSource;
    platform: ConsultationPlatform | null;
    lead: ConsultationLead | null;
  },
  input: PlanInput,
  venue: Region | null,
): NewConsultation {
  if (topic.region !== region)
    throw new InvalidInputError(
      'topicId',
      `议题属于 ${topic.region} / the topic is ${topic.region}'s`,
    );
  assertPlannable(topic);
  const fields = normaliseNewConsultation(
    region,
    {
      ...input,
      title: input.title ?? topic.title,
      platform: topic.platform as ConsultationPlatform,
      topicSource: topic.source,
    },
    venue,
  );
  return {
    ...fields,
    topicId: topic.id,
    lead: topic.lead,
    partyRegions: normaliseParties(region, input.parties),
  };
}
