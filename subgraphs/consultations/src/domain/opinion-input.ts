import type { Region } from '@huishang/schema';
import { InvalidInputError, requireText } from '@huishang/subgraph-kit';
import { assertPlaceWithin, optionalId } from './place.js';

export interface OpinionItemInput {
  title: string;
  body: string;
  category: string;
  submitterId?: string | null;
}

export interface OpinionItemFields {
  title: string;
  body: string;
  category: string;
  place: string | null;
  submitterId: string | null;
}

/**
 * Normalises a submitted item; `place` is the registry's region for the place code: a town
 * (乡镇、街道) or village (村、社区) in the committee's region, where the problem was heard.
 */
export function normaliseOpinionItem(
  region: string,
  input: OpinionItemInput,
  place: Region | null,
): OpinionItemFields {
  if (place) assertPlaceWithin('place', place, region);
  if (place && place.level !== 'TOWN' && place.level !== 'VILLAGE')
    throw new InvalidInputError(
      'place',
      `须为乡镇（街道）或村（社区），${place.code} 是 ${place.level} / must be a town or village`,
    );
  return {
    title: requireText('title', input.title, 100, 2),
    body: requireText('body', input.body, 5000),
    category: requireText('category', input.category, 30),
    place: place?.code ?? null,
    submitterId: optionalId('submitterId', input.submitterId),
  };
}
