import type { Region, RegionLevel } from '@huishang/schema';
import { optionalText, requireDate, requireText } from '@huishang/subgraph-kit';
import { VenueLevelError } from '../errors.js';
import type { ConsultationPlatform, TopicSource } from '../generated/prisma/enums.js';
import { assertPlaceWithin } from './place.js';

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
