import type { RawSql } from '../raw-sql.js';

/** A message a consumer will never apply, where it came from, and why. */
export interface Parked {
  consumer: string;
  subject: string;
  seq: number;
  reason: string;
  data: string;
}

// PostgreSQL text cannot hold NUL; a parked message keeps everything else as it came.
const storable = (text: string) => text.replaceAll('\u0000', '\\u0000');

/**
 * Parks messages in the schema's `_dead_letter`, all in one statement: events and
 * commands alike. A message redelivered after it was parked (its ack was lost) is kept once.
 */
export async function park(
  sql: Pick<RawSql, '$executeRawUnsafe'>,
  schema: string,
  parked: Parked[],
): Promise<void> {
  if (parked.length === 0) return;
  await sql.$executeRawUnsafe(
    `INSERT INTO "${schema}"._dead_letter (consumer, subject, stream_seq, reason, data)
     SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::text[])
     ON CONFLICT (consumer, stream_seq) DO NOTHING`,
    parked.map((p) => p.consumer),
    parked.map((p) => storable(p.subject)),
    parked.map((p) => p.seq),
    parked.map((p) => storable(p.reason)),
    parked.map((p) => storable(p.data)),
  );
}
