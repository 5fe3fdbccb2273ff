import { readdirSync, readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { ErrorCategory } from '../errors.js';
import type { ForwardedIdentity } from '../identity.js';

/** A command to the node that owns a record, as `events/commands/command.schema.json` describes it. */
export interface CommandEnvelope<P = Record<string, unknown>> {
  /** UUIDv7; also the JetStream message id, so a command sent twice is stored once. */
  commandId: string;
  /** `<aggregate>.<command>`, e.g. `supervision-task.dispatch`. */
  type: string;
  schemaVersion: number;
  issuedAt: string;
  /** The region that owns the record and applies the command. */
  owner: string;
  /** Who asked, as their gateway verified it; `node` is where the answer goes. */
  caller: ForwardedIdentity;
  payload: P;
  trace: { traceparent?: string };
}

export type CommandStatus = 'PENDING' | 'APPLIED' | 'REJECTED';

/** Why an owner refused a command: the category and code its own gateway would have shown. */
export interface CommandError {
  code: ErrorCategory;
  /** The package-prefixed code, e.g. `KIT_FORBIDDEN`. */
  reason: string;
  message: string;
}

/** The owner's answer (`events/commands/result.schema.json`). */
export interface CommandResult {
  commandId: string;
  type: string;
  owner: string;
  answeredAt: string;
  status: Exclude<CommandStatus, 'PENDING'>;
  result: Record<string, unknown> | null;
  error: CommandError | null;
}

const commandsDir = new URL('../../events/commands/', import.meta.url);
const read = (file: string) => JSON.parse(readFileSync(new URL(file, commandsDir), 'utf8'));
const envelopeFiles = ['command.schema.json', 'result.schema.json'];

function loadValidators() {
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats.default(ajv);
  const command = ajv.compile(read('command.schema.json'));
  const result = ajv.compile(read('result.schema.json'));
  const payloads = new Map<string, ValidateFunction>();
  for (const file of readdirSync(commandsDir).filter(
    (f) => f.endsWith('.schema.json') && !envelopeFiles.includes(f),
  )) {
    payloads.set(file.replace('.schema.json', ''), ajv.compile(read(file)));
  }
  return { ajv, command, result, payloads };
}

let validators: ReturnType<typeof loadValidators> | undefined;
const load = () => {
  validators ??= loadValidators();
  return validators;
};

/**
 * A command that failed validation; `answerable` is the envelope when only its type or
 * payload is wrong, so the owner can still answer the caller with a rejection.
 */
export type CommandValidation =
  | { ok: true; command: CommandEnvelope }
  | { ok: false; reason: string; answerable: CommandEnvelope | null };

/** Every command type that has a JSON Schema under `schema/events/commands/`. */
export function commandTypes(): string[] {
  return [...load().payloads.keys()].toSorted();
}

/** Checks a command against the envelope schema and its type's payload schema. */
export function validateCommand(candidate: unknown): CommandValidation {
  const { ajv, command, payloads } = load();
  if (!command(candidate))
    return { ok: false, reason: `command: ${ajv.errorsText(command.errors)}`, answerable: null };
  const envelope = candidate as CommandEnvelope;
  const payload = payloads.get(envelope.type);
  if (!payload)
    return { ok: false, reason: `unknown command type ${envelope.type}`, answerable: envelope };
  if (!payload(envelope.payload))
    return {
      ok: false,
      reason: `payload: ${ajv.errorsText(payload.errors)}`,
      answerable: envelope,
    };
  return { ok: true, command: envelope };
}

/** Checks an owner's answer against `result.schema.json`. */
export function validateCommandResult(
  candidate: unknown,
): { ok: true; result: CommandResult } | { ok: false; reason: string } {
  const { ajv, result } = load();
  if (!result(candidate)) return { ok: false, reason: `result: ${ajv.errorsText(result.errors)}` };
  return { ok: true, result: candidate as CommandResult };
}
