import type { Region } from '@huishang/schema';
import { requireText } from '@huishang/subgraph-kit';
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

/** Normalises a submitted item; `place` is the registry's region for the place code. */
export function normaliseOpinionItem(
  region: string,
  input: OpinionItemInput,
  place: Region | null,
): OpinionItemFields {
  if (place) assertPlaceWithin('place', place, region);
  return {
    title: requireText('title', input.title, 100, 2),
    body: requireText('body', input.body, 5000),
    category: requireText('category', input.category, 30),
    place: place?.code ?? null,
    submitterId: optionalId('submitterId', input.submitterId),
  };
}
