import { readdirSync, readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { EventEnvelope } from './envelope.js';
import { eventNames } from './names.js';

const eventsDir = new URL('../../events/', import.meta.url);

const read = (path: string) => JSON.parse(readFileSync(new URL(path, eventsDir), 'utf8'));

function loadValidators() {
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats.default(ajv);
  for (const file of readdirSync(new URL('snapshots/', eventsDir)))
    ajv.addSchema(read(`snapshots/${file}`));
  const envelope = ajv.compile(read('envelope.schema.json'));
  // every event of an aggregate carries its whole state, so one payload schema serves them all
  const payloads = new Map<string, ValidateFunction>();
  for (const [aggregate, names] of Object.entries(eventNames)) {
    const payload = ajv.compile({
      type: 'object',
      additionalProperties: false,
      required: ['snapshot'],
      properties: { snapshot: { $ref: `snapshots/${aggregate}.schema.json` } },
    });
    for (const name of names) payloads.set(`${aggregate}.${name}`, payload);
  }
  return { ajv, envelope, payloads };
}

let validators: ReturnType<typeof loadValidators> | undefined;

export type Validation = { ok: true; event: EventEnvelope } | { ok: false; reason: string };

/**
 * Checks an event against the envelope schema and its type's payload schema; the reason
 * says what is wrong, for the dead-letter record.
 */
export function validateEvent(candidate: unknown): Validation {
  validators ??= loadValidators();
  const { ajv, envelope, payloads } = validators;
  if (!envelope(candidate))
    return { ok: false, reason: `envelope: ${ajv.errorsText(envelope.errors)}` };
  const event = candidate as EventEnvelope;
  const payload = payloads.get(event.type);
  if (!payload) return { ok: false, reason: `unknown event type ${event.type}` };
  if (!event.type.startsWith(`${event.aggregate.type}.`)) {
    return {
      ok: false,
      reason: `event type ${event.type} does not belong to aggregate ${event.aggregate.type}`,
    };
  }
  if (!payload(event.payload))
    return { ok: false, reason: `payload: ${ajv.errorsText(payload.errors)}` };
  return { ok: true, event };
}
