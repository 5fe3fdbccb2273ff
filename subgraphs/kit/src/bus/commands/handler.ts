import type { AggregateType, ForwardedIdentity } from '@huishang/schema';
import type { OutboxAddress } from '../../outbox-address.js';

/** A command as its owner's handler sees it, once the envelope has been validated. */
export interface ReceivedCommand<P = Record<string, unknown>> {
  id: string;
  /** The region that owns the record: this node. */
  owner: string;
  /**
   * Who asked, as their own gateway verified it; `node` is the node they asked, where the
   * answer goes. The handler authorises this caller with the owner's rules.
   */
  caller: ForwardedIdentity;
  payload: P;
  /** The owner's outbox: the change's events go here, as any write's do. */
  sink: OutboxAddress;
}

/**
 * How a subgraph applies one command to a record it owns. `execute` runs in the owner's
 * transaction (which also stores the answer): it authorises the caller, applies the change
 * through the same data functions as the subgraph's own mutation, and returns the result
 * the caller receives. A HuishangError it throws rejects the command with that error's
 * category and code, and nothing it wrote is kept; any other error is retried later.
 */
export interface CommandHandler<Tx = unknown> {
  aggregate: AggregateType;
  /** The command's name, e.g. `dispatch`: type `<aggregate>.<name>`, subject's last token. */
  name: string;
  execute(tx: Tx, command: ReceivedCommand): Promise<Record<string, unknown>>;
}

export const commandType = (handler: Pick<CommandHandler, 'aggregate' | 'name'>): string =>
  `${handler.aggregate}.${handler.name}`;
