import { parse, stringify, v7 } from 'uuid';

/** A new record id: UUIDv7, unique across nodes and ordered by creation time. */
export const newId = (): string => v7();

/**
 * A new id for an aggregate created at `origin` (a six-digit region code): UUIDv7's layout,
 * time first so ids still sort by creation, with version 8 and the code in 20 of its random
 * bits. A replica then knows which origin made it (`originOfId`) and refuses events about
 * it from any other: an id cannot be first-claimed by a node that did not create it.
 */
export function newAggregateId(origin: string): string {
  const code = Number(origin);
  if (!/^\d{6}$/.test(origin)) throw new Error(`not a region code: ${origin}`);
  const bytes = parse(v7());
  bytes[6] = 0x80 | ((bytes[6] as number) & 0x0f);
  bytes[8] = 0x80 | ((code >> 14) & 0x3f);
  bytes[9] = (code >> 6) & 0xff;
  bytes[10] = ((code & 0x3f) << 2) | ((bytes[10] as number) & 0x03);
  return stringify(bytes);
}

/** The origin a `newAggregateId` names; null for other ids (UUIDv7 ones made before). */
export function originOfId(id: string): string | null {
  let bytes: Uint8Array;
  try {
    bytes = parse(id);
  } catch {
    return null;
  }
  const [b6, b8, b9, b10] = [6, 8, 9, 10].map((i) => bytes[i] as number) as [
    number,
    number,
    number,
    number,
  ];
  if (b6 >> 4 !== 8 || b8 >> 6 !== 2) return null;
  const code = ((b8 & 0x3f) << 14) | (b9 << 6) | (b10 >> 2);
  return String(code).padStart(6, '0');
}
