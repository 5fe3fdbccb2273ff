import { TooManyPendingError } from './errors.js';
import type { RawSql } from './raw-sql.js';

/** At most this many items from one source wait for moderation at a node. */
export const pendingPerSource = 10;

/**
 * Refuses one more item from `sourceKey` while `pendingPerSource` of its items wait for
 * moderation in `table` (rows with `source_key` and `status`, PENDING while they wait).
 * A per-source lock held to the end of the transaction makes concurrent submissions from
 * one source count one after the other. The rate limits of the gateway bound how fast a
 * source writes; this bounds what one source can leave for the moderators at once.
 */
export async function holdPendingSlot(
  tx: RawSql,
  place: { schema: string; table: string; region: string },
  sourceKey: string,
): Promise<void> {
  const table = `"${place.schema}".${place.table}`;
  await tx.$queryRawUnsafe(
    'SELECT 1 FROM pg_advisory_xact_lock(hashtext($1))',
    `${table}|${sourceKey}`,
  );
  const [row] = await tx.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM ${table} WHERE region = $1 AND source_key = $2 AND status = 'PENDING'`,
    place.region,
    sourceKey,
  );
  if ((row?.n ?? 0) >= pendingPerSource) throw new TooManyPendingError(pendingPerSource);
}
