import { InvalidInputError } from '@huishang/subgraph-kit';

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string): boolean => uuidShape.test(value);

/** Refuses an id that is not UUID-shaped, before it reaches a uuid column. */
export function requireUuid(field: string, value: string): string {
  if (!isUuid(value))
    throw new InvalidInputError(field, `须为 UUID / must be a UUID, got ${value}`);
  return value.toLowerCase();
}
