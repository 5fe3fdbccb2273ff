import {
  type CommandEnvelope,
  type CommandError,
  type CommandResult,
  type CommandStatus,
  commandResultSubject,
} from '@huishang/schema';
import { newId } from '../../ids.js';
import type { RawSql } from '../../raw-sql.js';

// The SQL of commands, on the kit_0004 tables of a region schema: `_command` at the caller,
// `_command_applied` at the owner, and both sides' `_outbox`.

/** What a caller sees of a command it sent. */
export interface CommandReceipt {
  id: string;
  status: CommandStatus;
  owner: string;
  result: Record<string, unknown> | null;
  error: CommandError | null;
}

interface SentRow {
  id: string;
  owner_region: string;
  caller: CommandEnvelope['caller'];
  status: CommandStatus;
  result: Record<string, unknown> | null;
  error: CommandError | null;
}

export const receiptOf = (row: SentRow): CommandReceipt => ({
  id: row.id,
  status: row.status,
  owner: row.owner_region,
  result: row.result,
  error: row.error,
});

/** Queues an envelope for the relay, which publishes it with `id` as the message id. */
const enqueue = (tx: RawSql, schema: string, id: string, subject: string, envelope: object) =>
  tx.$executeRawUnsafe(
    `INSERT INTO "${schema}"._outbox (event_id, subjects, envelope) VALUES ($1::uuid, $2::text[], $3::jsonb)`,
    id,
    [subject],
    JSON.stringify(envelope),
  );

/**
 * Records a command at its caller: PENDING with its outbox row when it goes to another node
 * (`subject` given), or already answered when the caller's node owns the record.
 */
export async function recordSentCommand(
  tx: RawSql,
  schema: string,
  command: CommandEnvelope,
  route: { subject: string; answer?: CommandResult },
): Promise<void> {
  const { answer } = route;
  await tx.$executeRawUnsafe(
    `INSERT INTO "${schema}"._command
       (id, type, owner_region, subject, payload, caller, status, result, error, answered_at)
     VALUES ($1::uuid, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8::jsonb, $9::jsonb, $10::timestamptz)`,
    command.commandId,
    command.type,
    command.owner,
    route.subject,
    JSON.stringify(command.payload),
    JSON.stringify(command.caller),
    answer?.status ?? 'PENDING',
    answer?.result ? JSON.stringify(answer.result) : null,
    answer?.error ? JSON.stringify(answer.error) : null,
    answer?.answeredAt ?? null,
  );
  if (!answer) await enqueue(tx, schema, command.commandId, route.subject, command);
}

export async function readSentCommand(
  client: RawSql,
  schema: string,
  id: string,
): Promise<SentRow | null> {
  const [row] = await client.$queryRawUnsafe<SentRow[]>(
    `SELECT id::text, owner_region, caller, status, result, error FROM "${schema}"._command WHERE id = $1::uuid`,
    id,
  );
  return row ?? null;
}

/**
 * What taking an answer did: recorded it; nothing, when the command is not this schema's
 * (another subgraph of the node sent it) or the same answer came again (the owner answers
 * a redelivered command again); or a conflict with what the caller holds, which is flagged.
 */
export type AnswerOutcome = 'recorded' | 'not-ours' | 'repeated' | { conflict: string };

interface HeldRow {
  owner_region: string;
  status: CommandStatus;
  same: boolean;
}

/** Takes the owner's answer into the caller's record, while it is PENDING. */
export async function recordAnswer(
  client: RawSql,
  schema: string,
  answer: CommandResult,
): Promise<AnswerOutcome> {
  const result = answer.result ? JSON.stringify(answer.result) : null;
  const error = answer.error ? JSON.stringify(answer.error) : null;
  const updated = await client.$queryRawUnsafe<unknown[]>(
    `UPDATE "${schema}"._command
        SET status = $3, result = $4::jsonb, error = $5::jsonb, answered_at = $6::timestamptz
      WHERE id = $1::uuid AND owner_region = $2 AND status = 'PENDING'
      RETURNING 1`,
    answer.commandId,
    answer.owner,
    answer.status,
    result,
    error,
    answer.answeredAt,
  );
  if (updated.length > 0) return 'recorded';
  const [held] = await client.$queryRawUnsafe<HeldRow[]>(
    `SELECT owner_region, status,
            (status = $2 AND result IS NOT DISTINCT FROM $3::jsonb
              AND error IS NOT DISTINCT FROM $4::jsonb) AS same
       FROM "${schema}"._command WHERE id = $1::uuid`,
    answer.commandId,
    answer.status,
    result,
    error,
  );
  if (!held) return 'not-ours';
  if (held.owner_region !== answer.owner)
    return { conflict: `an answer from ${answer.owner} to a command sent to ${held.owner_region}` };
  if (held.same) return 'repeated';
  return { conflict: `answered ${held.status} already; a second answer says ${answer.status}` };
}

/** The answer an owner already gave to a command, if it has. */
export async function findStoredAnswer(
  client: RawSql,
  schema: string,
  id: string,
): Promise<{ callerNode: string; answer: CommandResult } | null> {
  const [row] = await client.$queryRawUnsafe<{ caller_node: string; result: CommandResult }[]>(
    `SELECT caller_node, result FROM "${schema}"._command_applied WHERE id = $1::uuid`,
    id,
  );
  return row ? { callerNode: row.caller_node, answer: row.result } : null;
}

/** Sends an answer to the caller's node through the owner's outbox. */
export const sendAnswer = (tx: RawSql, schema: string, callerNode: string, answer: CommandResult) =>
  enqueue(
    tx,
    schema,
    newId(),
    commandResultSubject(callerNode, answer.commandId, answer.owner),
    answer,
  );

/**
 * Stores the owner's answer once (the primary key makes a concurrent second attempt fail
 * and roll back with everything it applied) and sends it.
 */
export async function storeAnswer(
  tx: RawSql,
  schema: string,
  callerNode: string,
  answer: CommandResult,
): Promise<void> {
  await tx.$executeRawUnsafe(
    `INSERT INTO "${schema}"._command_applied (id, caller_node, result) VALUES ($1::uuid, $2, $3::jsonb)`,
    answer.commandId,
    callerNode,
    JSON.stringify(answer),
  );
  await sendAnswer(tx, schema, callerNode, answer);
}
