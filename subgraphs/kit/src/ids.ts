import { v7 } from 'uuid';

/** A new record id: UUIDv7, unique across nodes and ordered by creation time. */
export const newId = (): string => v7();
