import type { EventEnvelope } from '@huishang/schema';
import type { RawSql } from '../../raw-sql.js';

// The SQL a replica consumer writes, on the kit_0001 tables of its region schema.

// PostgreSQL reads a uuid in any case; keys must too, or one aggregate would count twice.
const keyOf = (type: string, id: string) => `${type}/${id.toLowerCase()}`;
export const aggregateKey = (event: EventEnvelope) =>
  keyOf(event.aggregate.type, event.aggregate.id);
const compareKeys = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Takes each aggregate's version forward where its event is newer, in one statement (the
 * events name distinct aggregates); the row locks this takes make concurrent consumers of
 * one aggregate wait for each other. An aggregate already known under another owner is
 * never taken over. Returns the keys of the aggregates that moved forward.
 */
export async function claimVersions(
  tx: RawSql,
  schema: string,
  events: EventEnvelope[],
): Promise<Set<string>> {
  if (events.length === 0) return new Set();
  // in key order, so that two consumers of one schema lock the aggregates they share alike
  const sorted = events.toSorted((a, b) => compareKeys(aggregateKey(a), aggregateKey(b)));
  const rows = await tx.$queryRawUnsafe<{ aggregate_type: string; aggregate_id: string }[]>(
    `INSERT INTO "${schema}"._replica_version AS r
       (aggregate_type, aggregate_id, origin_region, version, event_id)
     SELECT * FROM unnest($1::text[], $2::uuid[], $3::text[], $4::int[], $5::uuid[])
     ON CONFLICT (aggregate_type, aggregate_id) DO UPDATE
       SET version = EXCLUDED.version, event_id = EXCLUDED.event_id, applied_at = now()
       WHERE r.version < EXCLUDED.version AND r.origin_region = EXCLUDED.origin_region
     RETURNING r.aggregate_type, r.aggregate_id::text`,
    sorted.map((e) => e.aggregate.type),
    sorted.map((e) => e.aggregate.id),
    sorted.map((e) => e.originRegion),
    sorted.map((e) => e.aggregate.version),
    sorted.map((e) => e.eventId),
  );
  return new Set(rows.map((r) => keyOf(r.aggregate_type, r.aggregate_id)));
}

/** The owners the replica knows for these events' aggregates, by aggregate key. */
export async function knownOwners(
  tx: RawSql,
  schema: string,
  events: EventEnvelope[],
): Promise<Map<string, string>> {
  if (events.length === 0) return new Map();
  const rows = await tx.$queryRawUnsafe<
    { aggregate_type: string; aggregate_id: string; origin_region: string }[]
  >(
    `SELECT r.aggregate_type, r.aggregate_id::text, r.origin_region
       FROM "${schema}"._replica_version r
       JOIN unnest($1::text[], $2::uuid[]) AS k(t, i) ON r.aggregate_type = k.t AND r.aggregate_id = k.i`,
    events.map((e) => e.aggregate.type),
    events.map((e) => e.aggregate.id),
  );
  return new Map(rows.map((r) => [keyOf(r.aggregate_type, r.aggregate_id), r.origin_region]));
}

/** Stores how far a consumer got, only ever forward. */
export const recordPosition = (
  tx: Pick<RawSql, '$executeRawUnsafe'>,
  schema: string,
  consumer: string,
  seq: number,
) =>
  tx.$executeRawUnsafe(
    `INSERT INTO "${schema}"._consumer_position AS p (consumer, stream_seq) VALUES ($1, $2::bigint)
     ON CONFLICT (consumer) DO UPDATE
       SET stream_seq = GREATEST(p.stream_seq, EXCLUDED.stream_seq), updated_at = now()`,
    consumer,
    seq,
  );

/** How far a consumer got, as the region's database knows it (0 when it knows nothing). */
export async function positionOf(client: RawSql, schema: string, consumer: string) {
  const [row] = await client.$queryRawUnsafe<{ stream_seq: string }[]>(
    `SELECT stream_seq::text FROM "${schema}"._consumer_position WHERE consumer = $1`,
    consumer,
  );
  return Number(row?.stream_seq ?? 0);
}

/** The last event applied from each origin, for the figures after a restart. */
export const lastAppliedByOrigin = (client: RawSql, schema: string) =>
  client.$queryRawUnsafe<{ origin_region: string; event_id: string; applied_at: Date }[]>(
    `SELECT DISTINCT ON (origin_region) origin_region, event_id::text AS event_id, applied_at
       FROM "${schema}"._replica_version ORDER BY origin_region, applied_at DESC`,
  );
