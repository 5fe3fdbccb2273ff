import type { AggregateType } from './subjects.js';

/** Every event on the bus, as its JSON Schema `events/envelope.schema.json` describes it. */
export interface EventEnvelope<P = Record<string, unknown>> {
  /** UUIDv7; also the JetStream message id, so a republished event is dropped. */
  eventId: string;
  /** `<aggregate>.<past tense>`, e.g. `proposal.registered`. */
  type: string;
  schemaVersion: number;
  occurredAt: string;
  /** The owner's region: the only node that writes this aggregate. */
  originRegion: string;
  aggregate: { type: AggregateType; id: string; version: number };
  /**
   * Events carry the aggregate's whole state after the change (`snapshot`), so a replica
   * applies any event alone and only ever moves forward by version.
   */
  payload: P;
  /** W3C trace context of the request that caused the event. */
  trace: { traceparent?: string };
}

/** The event part a writer decides; the outbox adds id, time, origin and trace. */
export interface NewEvent<P = Record<string, unknown>> {
  type: string;
  aggregate: EventEnvelope['aggregate'];
  payload: P;
}
