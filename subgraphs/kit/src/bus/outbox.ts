import {
  aggregateTypes,
  type EventEnvelope,
  eventSubject,
  type NewEvent,
  provinceOf,
  sharedEventSubject,
} from '@huishang/schema';
import { newId } from '../ids.js';

/** Whatever can run raw SQL: a Prisma client or interactive transaction. */
export interface RawSql {
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

/** Where a node's subgraph writes its events: its region schema's outbox. */
export interface EventSink {
  /** PostgreSQL schema, e.g. `proposals_330503`. */
  schema: string;
  /** The owner region, the node that writes. */
  origin: string;
}

export interface RecordOptions {
  /** Regions of partners in other provinces that must see the event (joint sessions). */
  shareWith?: string[];
  traceparent?: string;
}

/**
 * Writes an event to the outbox in the caller's transaction, so it exists exactly when
 * the change it describes does. Returns the envelope.
 */
export async function recordEvent<P extends Record<string, unknown>>(
  tx: RawSql,
  sink: EventSink,
  event: NewEvent<P>,
  options: RecordOptions = {},
): Promise<EventEnvelope<P>> {
  if (!aggregateTypes.includes(event.aggregate.type))
    throw new Error(`unknown aggregate ${event.aggregate.type}`);
  const envelope: EventEnvelope<P> = {
    eventId: newId(),
    type: event.type,
    schemaVersion: 1,
    occurredAt: new Date().toISOString(),
    originRegion: sink.origin,
    aggregate: event.aggregate,
    payload: event.payload,
    trace: options.traceparent ? { traceparent: options.traceparent } : {},
  };
  const eventName = event.type.slice(event.type.indexOf('.') + 1);
  const ownProvince = provinceOf(sink.origin);
  const partnerProvinces = [...new Set((options.shareWith ?? []).map(provinceOf))].filter(
    (p) => p !== ownProvince,
  );
  const subjects = [
    eventSubject(sink.origin, event.aggregate.type, eventName),
    ...partnerProvinces.map((p) => sharedEventSubject(p, sink.origin, eventName)),
  ];
  await tx.$executeRawUnsafe(
    `INSERT INTO "${sink.schema}"._outbox (event_id, subjects, envelope) VALUES ($1::uuid, $2::text[], $3::jsonb)`,
    envelope.eventId,
    subjects,
    JSON.stringify(envelope),
  );
  return envelope;
}
