import {
  type AggregateType,
  commandFilter,
  commandResultFilter,
  provinceOf,
} from '@huishang/schema';
import type { JetStreamClient, JsMsg } from '@nats-io/jetstream';
import { InvalidCommandError } from '../../errors.js';
import type { RegionClient } from '../../raw-sql.js';
import { backoffMs } from '../alarm.js';
import type { BusLog } from '../bus-log.js';
import { park } from '../dead-letter.js';
import { type Durable, type DurableSpec, runDurable } from '../durable.js';
import { isPermanent, outOfAttempts } from '../failure.js';
import { provinceStreams } from '../streams.js';
import { applyCommand } from './apply.js';
import { type CommandHandler, commandType } from './handler.js';
import { findStoredAnswer, recordAnswer, sendAnswer, storeAnswer } from './store.js';
import { judgeCommand, judgeResult } from './verdict.js';

export interface CommandConsumersOptions {
  /** The Prisma client of the hosted region. */
  client: RegionClient;
  region: string;
  /** Its schema, e.g. `consultations_330503`. */
  schema: string;
  /** The commands this subgraph applies to the records it owns. */
  handlers: CommandHandler[];
  js: JetStreamClient;
  log: BusLog;
  /** See `DurableOptions.checkEveryMs`. */
  checkEveryMs?: number | undefined;
  /** Called after a batch was handled: it may have written (see the kit's `ChangeFeed`). */
  onHandled?(): void;
}

export interface CommandConsumers {
  durables: Durable[];
  stop(): Promise<void>;
}

/**
 * The durable consumers of a region's commands: as owner, one per aggregate it takes
 * commands for, from any sender; as caller, one for its answers.
 */
export function commandConsumerSpecs(
  region: string,
  schema: string,
  handlers: readonly Pick<CommandHandler, 'aggregate'>[],
): { owner: (DurableSpec & { aggregate: AggregateType })[]; results: DurableSpec } {
  const streams = provinceStreams(provinceOf(region));
  const aggregates = [...new Set(handlers.map((h) => h.aggregate))];
  return {
    owner: aggregates.map((aggregate) => ({
      aggregate,
      name: `${schema}-commands-${aggregate}`,
      stream: streams.commands,
      filter: commandFilter(region, aggregate),
    })),
    results: {
      name: `${schema}-command-results`,
      stream: streams.commandResults,
      filter: commandResultFilter(region),
    },
  };
}

/**
 * A hosted region's side of commands: as owner, one durable consumer per aggregate it takes
 * commands for (`<schema>-commands-<aggregate>` on CPPCC_CMD_<province>, its own subjects
 * only), each command applied once and answered through the outbox; as caller, one
 * (`<schema>-command-results` on CPPCC_CMDRES_<province>) taking its answers into `_command`.
 */
export function startCommandConsumers(options: CommandConsumersOptions): CommandConsumers {
  const { client, region, schema, handlers, js, log, checkEveryMs } = options;
  const byType = new Map(handlers.map((h) => [commandType(h), h]));
  const sink = { schema, origin: region };

  async function parkOne(consumer: string, msg: JsMsg, reason: string, data: string) {
    log.warn({ consumer, seq: msg.seq, reason }, 'command message parked');
    await park(client, schema, [{ consumer, subject: msg.subject, seq: msg.seq, reason, data }]);
  }

  /**
   * Handles a batch one message at a time (each command is its own transaction) and
   * acknowledges each once done. A message that can never be handled (the database refuses
   * what it carries) is parked at once; a transient failure (database down) is retried later.
   */
  const acking =
    (consumer: string, work: (msg: JsMsg) => Promise<void>) => async (batch: JsMsg[]) => {
      for (const msg of batch) {
        try {
          await work(msg);
          msg.ack();
        } catch (error) {
          // Not a violated constraint: two deliveries racing to answer collide on one.
          if (isPermanent(error, { integrity: false }) || outOfAttempts(msg)) {
            try {
              const reason = `cannot be handled: ${(error as Error).message}`;
              await parkOne(consumer, msg, reason, msg.string());
              msg.ack();
              continue;
            } catch {
              // parking failed too: the database is the trouble, so try again later
            }
          }
          const delay = backoffMs(msg.info.deliveryCount, 30_000);
          msg.nak(delay);
          log.warn({ consumer, seq: msg.seq, err: error, retryInMs: delay }, 'command not handled');
        }
      }
      options.onHandled?.();
    };

  /** A refusal for what this owner cannot apply, answered like any rejection. */
  const refuse = (reason: string) => ({
    execute: () => Promise.reject(new InvalidCommandError(reason)),
  });

  async function answer(consumer: string, aggregate: AggregateType, msg: JsMsg) {
    const data = msg.string();
    const verdict = judgeCommand(region, aggregate, msg.subject, data);
    if (verdict.action === 'park') return parkOne(consumer, msg, verdict.reason, data);
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
    if (!verdict.ok) return parkOne(consumer, msg, verdict.reason, data);
    const outcome = await recordAnswer(client, schema, verdict.result);
    // A second, different answer is kept beside the first for staff to see, never dropped.
    if (typeof outcome === 'object')
      return parkOne(consumer, msg, `conflicting answer: ${outcome.conflict}`, data);
  }

  const specs = commandConsumerSpecs(region, schema, handlers);
  const ownerConsumers = specs.owner.map(({ aggregate, ...spec }) =>
    runDurable({
      js,
      log,
      ...spec,
      checkEveryMs,
      handle: acking(spec.name, (msg) => answer(spec.name, aggregate, msg)),
    }),
  );
  const results = runDurable({
    js,
    log,
    ...specs.results,
    checkEveryMs,
    handle: acking(specs.results.name, (msg) => takeAnswer(specs.results.name, msg)),
  });

  const durables = [...ownerConsumers, results];
  return {
    durables,
    async stop() {
      await Promise.all(durables.map((d) => d.stop()));
    },
  };
}
