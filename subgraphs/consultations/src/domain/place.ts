import { isWithin, type Region } from '@huishang/schema';
import { InvalidInputError } from '@huishang/subgraph-kit';
import { PlaceOutsideRegionError } from '../errors.js';

/** A place (venue, a problem's location) must lie in the committee's own region. */
export function assertPlaceWithin(field: string, place: Region, region: string): void {
  if (!isWithin(place.code, region)) throw new PlaceOutsideRegionError(field, place.code, region);
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string): boolean => uuidPattern.test(value);

/** An optional reference to a record elsewhere (a member): a UUID or nothing. */
export function optionalId(field: string, value: string | null | undefined): string | null {
  if (value == null || value === '') return null;
  if (!isUuid(value))
    throw new InvalidInputError(field, `不是有效的 id / not a valid id: ${value}`);
  return value;
}
