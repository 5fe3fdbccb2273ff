import { setTimeout as sleep } from 'node:timers/promises';
import {
  type AggregateType,
  type CommandEnvelope,
  commandSubject,
  type ForwardedIdentity,
  getCommitteeRegion,
  isWithin,
  provinceOf,
  validateCommand,
} from '@huishang/schema';
import { validate as isUuid } from 'uuid';
import { canRead, requireIdentity } from '../../access.js';
import { schemaName } from '../../database.js';
import {
  CallerNotOfNodeError,
  CommandCrossesProvinceError,
  ForbiddenError,
  InvalidCommandError,
} from '../../errors.js';
import { newId } from '../../ids.js';
import type { RawSql, RegionClient } from '../../raw-sql.js';
import { applyCommand } from './apply.js';
import { type CommandHandler, commandType } from './handler.js';
import { type CommandReceipt, readSentCommand, receiptOf, recordSentCommand } from './store.js';

/** A command a resolver sends to the owner of a record. */
export interface CommandRequest {
  aggregate: AggregateType;
  /** The command's name: `dispatch` for `supervision-task.dispatch`. */
  name: string;
  /** The region that owns the record. */
  owner: string;
  payload: Record<string, unknown>;
}

/** Commands from the node a request asks (`context.commands`). */
export interface CommandSender {
  /**
   * Sends a command to its owner and waits briefly for the answer; the receipt says
   * PENDING when none came in time (the command waits durably for the owner). When the
   * node asked is the owner, the command is applied at once, by the same handler.
   */
  send(request: CommandRequest): Promise<CommandReceipt>;
  /**
   * Records a command to another node's record in the caller's transaction: it goes out
   * (by the outbox relay) if and only if the change it belongs to commits. PENDING.
   */
  sendIn(tx: RawSql, request: CommandRequest): Promise<CommandReceipt>;
  /** A command sent from this node, for callers whose region contains the sender's. */
  status(id: string): Promise<CommandReceipt | null>;
}

export interface CommandSenderOptions {
  identity: ForwardedIdentity | null;
  /** The Prisma client of a hosted region. */
  client(region: string): RegionClient;
  subgraph: string;
  handlers: readonly CommandHandler[];
  /** How long `send` waits for the owner's answer. */
  waitMs: number;
}

/** Reads the receipt until it is answered or `waitMs` has passed; polls, since the answer
 * may arrive at another process of the node. */
async function awaitReceipt(
  client: RegionClient,
  schema: string,
  id: string,
  waitMs: number,
): Promise<CommandReceipt> {
  const deadline = Date.now() + waitMs;
  for (let pause = 10; ; pause = Math.min(pause * 2, 100)) {
    const row = await readSentCommand(client, schema, id);
    if (!row) throw new Error(`command ${id} vanished from ${schema}._command`);
    const left = deadline - Date.now();
    if (row.status !== 'PENDING' || left <= 0) return receiptOf(row);
    await sleep(Math.min(pause, left));
  }
}

/** The checked envelope of `request` from the caller's node, and where it goes. */
function commandOf(identity: ForwardedIdentity | null, request: CommandRequest) {
  const { subject, region, roles, node } = requireIdentity(identity);
  getCommitteeRegion(request.owner);
  // What the owner would refuse (verdict.ts): the sending node vouches only for its own region.
  if (!isWithin(region, node)) throw new CallerNotOfNodeError(region, node);
  // Only joint-session commands have a route between provinces' accounts (infra's
  // service exports); any other would never be acknowledged and stall the outbox.
  if (request.aggregate !== 'joint-session' && provinceOf(request.owner) !== provinceOf(node))
    throw new CommandCrossesProvinceError(commandType(request), request.owner, node);
  const command: CommandEnvelope = {
    commandId: newId(),
    type: commandType(request),
    schemaVersion: 1,
    issuedAt: new Date().toISOString(),
    owner: request.owner,
    caller: { subject, region, roles, node },
    payload: request.payload,
    trace: {},
  };
  const checked = validateCommand(command);
  if (!checked.ok) throw new InvalidCommandError(checked.reason);
  const route = {
    subject: commandSubject(request.owner, request.aggregate, request.name, node),
  };
  return { command, node, route };
}

export function createCommandSender(options: CommandSenderOptions): CommandSender {
  const { identity, subgraph, handlers, waitMs } = options;
  return {
    async send(request) {
      const { command, node, route } = commandOf(identity, request);
      const client = options.client(node);
      const schema = schemaName(subgraph, node);
      if (request.owner !== node) {
        await client.$transaction((tx) => recordSentCommand(tx, schema, command, route));
        return awaitReceipt(client, schema, command.commandId, waitMs);
      }
      const handler = handlers.find((h) => commandType(h) === command.type);
      if (!handler) throw new Error(`${subgraph} applies no ${command.type} commands`);
      const answer = await applyCommand(
        client,
        command,
        handler,
        { schema, origin: node },
        (tx, a) => recordSentCommand(tx, schema, command, { ...route, answer: a }),
      );
      const { commandId: id, owner, status, result, error } = answer;
      return { id, owner, status, result, error };
    },

    async sendIn(tx, request) {
      const { command, node, route } = commandOf(identity, request);
      // The owner's own node applies a command at once, in a transaction of its own.
      if (request.owner === node)
        throw new Error(`${command.type} to ${node} is applied there: use send, not sendIn`);
      await recordSentCommand(tx, schemaName(subgraph, node), command, route);
      return {
        id: command.commandId,
        owner: command.owner,
        status: 'PENDING',
        result: null,
        error: null,
      };
    },

    async status(id) {
      const caller = requireIdentity(identity);
      if (!isUuid(id)) return null;
      const row = await readSentCommand(
        options.client(caller.node),
        schemaName(subgraph, caller.node),
        id,
      );
      if (!row) return null;
      if (!canRead(caller, row.caller.region))
        throw new ForbiddenError('read', row.caller.region, caller.region);
      return receiptOf(row);
    },
  };
}
