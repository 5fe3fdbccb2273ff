import {
  type AggregateType,
  commandResultSubject,
  commandSubject,
  provinceOf,
} from '@huishang/schema';
import type { JetStreamClient, JsMsg } from '@nats-io/jetstream';
import { InvalidCommandError } from '../../errors.js';
import { backoffMs } from '../alarm.js';
import type { BusLog } from '../bus-log.js';
import { runDurable } from '../durable.js';
import { provinceStreams } from '../streams.js';
import { applyCommand } from './apply.js';
import { type CommandHandler, commandType } from './handler.js';
import {
  type CommandClient,
  findStoredAnswer,
  recordAnswer,
  sendAnswer,
  storeAnswer,
} from './store.js';
import { judgeCommand, judgeResult } from './verdict.js';

export interface CommandConsumersOptions {
  /** The Prisma client of the hosted region. */
  client: CommandClient;
  region: string;
  /** Its schema, e.g. `consultations_330503`. */
  schema: string;
  /** The commands this subgraph applies to the records it owns. */
  handlers: CommandHandler[];
  js: JetStreamClient;
  log: BusLog;
}

export interface CommandConsumers {
  stop(): Promise<void>;
}

// PostgreSQL text cannot hold NUL; a parked message keeps everything else as it came.
const storable = (text: string) => text.replaceAll('\u0000', '\\u0000');

/**
 * A hosted region's side of commands: as owner, one durable consumer per aggregate it takes
 * commands for (`<schema>-commands-<aggregate>` on CPPCC_CMD_<province>, its own subjects
 * only), each command applied once and answered through the outbox; as caller, one
 * (`<schema>-command-results` on CPPCC_CMDRES_<province>) taking its answers into `_command`.
 */
export function startCommandConsumers(options: CommandConsumersOptions): CommandConsumers {
  const { client, region, schema, handlers, js, log } = options;
  const streams = provinceStreams(provinceOf(region));
  const byType = new Map(handlers.map((h) => [commandType(h), h]));
  const sink = { schema, origin: region };

  async function park(consumer: string, msg: JsMsg, reason: string, data: string) {
    log.warn({ consumer, seq: msg.seq, reason }, 'command message parked');
    await client.$executeRawUnsafe(
      `INSERT INTO "${schema}"._dead_letter (consumer, subject, stream_seq, reason, data)
       VALUES ($1, $2, $3::bigint, $4, $5) ON CONFLICT (consumer, stream_seq) DO NOTHING`,
      consumer,
      msg.subject,
      msg.seq,
      storable(reason),
      storable(data),
    );
  }

  /** Acknowledges once `work` is done; a failure (database down) is redelivered later. */
  const acking = (consumer: string, work: (msg: JsMsg) => Promise<void>) => async (msg: JsMsg) => {
    try {
      await work(msg);
      msg.ack();
    } catch (error) {
      const delay = backoffMs(msg.info.deliveryCount, 30_000);
      msg.nak(delay);
      log.warn({ consumer, seq: msg.seq, err: error, retryInMs: delay }, 'command not handled');
    }
  };

  /** A refusal for what this owner cannot apply, answered like any rejection. */
  const refuse = (reason: string) => ({
    execute: () => Promise.reject(new InvalidCommandError(reason)),
  });

  async function answer(consumer: string, aggregate: AggregateType, msg: JsMsg) {
    const data = msg.string();
    const verdict = judgeCommand(region, aggregate, msg.subject, data);
    if (verdict.action === 'park') return park(consumer, msg, verdict.reason, data);
    const { command } = verdict;
    const stored = await findStoredAnswer(client, schema, command.commandId);
    if (stored) {
      // Redelivered, or sent again: answer as before, never apply twice.
      await sendAnswer(client, schema, stored.callerNode, stored.answer);
      log.info({ consumer, commandId: command.commandId }, 'command answered again');
      return;
    }
    const handler =
      verdict.action === 'reject'
        ? refuse(verdict.reason)
        : (byType.get(command.type) ?? refuse(`${command.type} is not applied here`));
    const result = await applyCommand(client, command, handler, sink, (tx, a) =>
      storeAnswer(tx, schema, command.caller.node, a),
    );
    log.info(
      { consumer, commandId: command.commandId, type: command.type, status: result.status },
      'command answered',
    );
  }

  async function takeAnswer(consumer: string, msg: JsMsg) {
    const data = msg.string();
    const verdict = judgeResult(region, msg.subject, data);
    if (!verdict.ok) return park(consumer, msg, verdict.reason, data);
    // False for another subgraph's command (both read the region's answers): nothing to do.
    await recordAnswer(client, schema, verdict.result);
  }

  const aggregates = [...new Set(handlers.map((h) => h.aggregate))];
  const ownerConsumers = aggregates.map((aggregate) => {
    const name = `${schema}-commands-${aggregate}`;
    return runDurable({
      js,
      log,
      name,
      stream: streams.commands,
      // Any command name: `*` in the last token.
      filter: commandSubject(region, aggregate, '*'),
      handle: acking(name, (msg) => answer(name, aggregate, msg)),
    });
  });
  const resultsName = `${schema}-command-results`;
  const results = runDurable({
    js,
    log,
    name: resultsName,
    stream: streams.commandResults,
    filter: commandResultSubject(region, '*'),
    handle: acking(resultsName, (msg) => takeAnswer(resultsName, msg)),
  });

  return {
    async stop() {
      await Promise.all([...ownerConsumers, results].map((d) => d.stop()));
    },
  };
}
