import {
  aggregateTypes,
  type EventEnvelope,
  eventSubject,
  type NewEvent,
  provinceOf,
  sharedEventSubject,
} from '@huishang/schema';
import { newId } from '../ids.js';
import type { OutboxAddress } from '../outbox-address.js';
import type { RawSql } from '../raw-sql.js';

export interface RecordOptions {
  /** Regions of partners in other provinces that must see the event (joint sessions). */
  shareWith?: string[];
  traceparent?: string;
}

/** The envelope of a new event and the subjects it goes to. */
function outboxRow<P extends Record<string, unknown>>(
  sink: OutboxAddress,
  event: NewEvent<P>,
  options: RecordOptions,
): { envelope: EventEnvelope<P>; subjects: string[] } {
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
  return { envelope, subjects };
}

/**
 * Writes an event to the outbox in the caller's transaction, so it exists exactly when
 * the change it describes does. Returns the envelope.
 */
export async function recordEvent<P extends Record<string, unknown>>(
  tx: Pick<RawSql, '$executeRawUnsafe'>,
  sink: OutboxAddress,
  event: NewEvent<P>,
  options: RecordOptions = {},
): Promise<EventEnvelope<P>> {
  const { envelope, subjects } = outboxRow(sink, event, options);
  await tx.$executeRawUnsafe(
    `INSERT INTO "${sink.schema}"._outbox (event_id, subjects, envelope) VALUES ($1::uuid, $2::text[], $3::jsonb)`,
    envelope.eventId,
    subjects,
    JSON.stringify(envelope),
  );
  return envelope;
}

/**
 * Writes many events to the outbox in the caller's transaction with one statement (an
 * import's thousand records: one round trip, not a thousand), in the order given, which
 * is the order the relay publishes them in. Returns the envelopes.
 */
export async function recordEvents<P extends Record<string, unknown>>(
  tx: Pick<RawSql, '$executeRawUnsafe'>,
  sink: OutboxAddress,
  events: NewEvent<P>[],
  options: RecordOptions = {},
): Promise<EventEnvelope<P>[]> {
  if (events.length === 0) return [];
  const rows = events.map((event) => outboxRow(sink, event, options));
  await tx.$executeRawUnsafe(
    `INSERT INTO "${sink.schema}"._outbox (event_id, subjects, envelope)
     SELECT (r.item->'envelope'->>'eventId')::uuid,
            ARRAY(SELECT jsonb_array_elements_text(r.item->'subjects')),
            r.item->'envelope'
       FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS r(item, n)
      ORDER BY r.n`,
    JSON.stringify(rows),
  );
  return rows.map((r) => r.envelope);
}
