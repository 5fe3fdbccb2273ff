import { type EventEnvelope, validateEvent } from '@huishang/schema';
import { originOfId } from '../../ids.js';
import type { ReplicaSubscription } from './subscriptions.js';

/**
 * Whether a message a replica consumer receives is an event it can trust and keep. The
 * subject is the proof of origin (NATS lets a node publish only under its own region), and
 * the snapshot must describe the aggregate the envelope names.
 */
export type Verdict =
  | { ok: true; event: EventEnvelope; keep: boolean }
  | { ok: false; reason: string };

/** Why the snapshot and the envelope disagree, if they do. */
function snapshotMismatch(event: EventEnvelope): string | null {
  const snapshot = event.payload.snapshot as Record<string, unknown> | undefined;
  if (!snapshot) return null;
  const expected = {
    id: event.aggregate.id,
    region: event.originRegion,
    version: event.aggregate.version,
  };
  for (const [field, value] of Object.entries(expected)) {
    if (field in snapshot && snapshot[field] !== value)
      return `snapshot ${field} ${String(snapshot[field])} differs from the envelope's ${value}`;
  }
  return null;
}

/** Parses, validates and checks a message; any reason it gives parks it. */
export function judgeMessage(
  subscription: ReplicaSubscription,
  subject: string,
  data: string,
): Verdict {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch (error) {
    return { ok: false, reason: `not JSON: ${(error as Error).message}` };
  }
  const validation = validateEvent(parsed);
  if (!validation.ok) return validation;
  const { event } = validation;
  try {
    const expected = subscription.subjectOf(event);
    if (subject !== expected)
      return {
        ok: false,
        reason: `published on ${subject}, but its origin publishes on ${expected}`,
      };
    const mismatch = snapshotMismatch(event);
    if (mismatch) return { ok: false, reason: mismatch };
    // An id names the origin that made it: no other may claim it first (see newAggregateId).
    const creator = originOfId(event.aggregate.id);
    if (creator && creator !== event.originRegion)
      return {
        ok: false,
        reason: `${event.aggregate.type} ${event.aggregate.id} was created by ${creator}, not ${event.originRegion}`,
      };
    return { ok: true, event, keep: subscription.keeps(event) };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
}
