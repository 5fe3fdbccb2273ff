import { type CommandEnvelope, type CommandResult, HuishangError } from '@huishang/schema';
import type { OutboxAddress } from '../../outbox-address.js';
import type { RawSql, RegionClient } from '../../raw-sql.js';
import type { CommandHandler } from './handler.js';

const answered = (
  command: CommandEnvelope,
  outcome: Pick<CommandResult, 'status' | 'result' | 'error'>,
): CommandResult => ({
  commandId: command.commandId,
  type: command.type,
  owner: command.owner,
  answeredAt: new Date().toISOString(),
  ...outcome,
});

/** The rejection a HuishangError makes: what the owner's own gateway would have shown. */
export const rejection = (command: CommandEnvelope, error: HuishangError): CommandResult =>
  answered(command, {
    status: 'REJECTED',
    result: null,
    error: { code: error.category, reason: error.code, message: error.message },
  });

/**
 * Applies a command at its owner and keeps the answer with `record`, in the transaction
 * that applied it. When the handler refuses (a HuishangError), that transaction is rolled
 * back and the rejection is kept in a new one; any other error propagates, nothing kept.
 */
export async function applyCommand(
  client: RegionClient,
  command: CommandEnvelope,
  handler: Pick<CommandHandler, 'execute'>,
  sink: OutboxAddress,
  record: (tx: RawSql, answer: CommandResult) => Promise<void>,
): Promise<CommandResult> {
  const received = {
    id: command.commandId,
    owner: command.owner,
    caller: command.caller,
    payload: command.payload,
    sink,
  };
  try {
    return await client.$transaction(async (tx) => {
      const result = await handler.execute(tx, received);
      const answer = answered(command, { status: 'APPLIED', result, error: null });
      await record(tx, answer);
      return answer;
    });
  } catch (error) {
    if (!(error instanceof HuishangError)) throw error;
    const answer = rejection(command, error);
    await client.$transaction((tx) => record(tx, answer));
    return answer;
  }
}
