import type { ForwardedIdentity } from '@huishang/schema';
import { requireIdentity } from './access.js';
import type { CommandHandler } from './bus/commands/handler.js';
import { type CommandSender, createCommandSender } from './bus/commands/sender.js';
import { type DisconnectableClient, type RegionDatabases, schemaName } from './database.js';
import type { OutboxAddress } from './outbox-address.js';
import type { RegionClient } from './raw-sql.js';

/** What every resolver receives. */
export interface RequestContext<C> {
  identity: ForwardedIdentity | null;
  /** The database of the node this request asks (from the forwarded identity). */
  db(): C;
  /** Where this node's writes record their events (the outbox of its schema). */
  sink(): OutboxAddress;
  /** Commands to records other nodes own, sent from the node asked (see the kit README). */
  commands: CommandSender;
  /**
   * Says this answer may change without any event (the bus's own figures): the gateway
   * keeps no copy of it (`cache-control: no-store`).
   */
  noStore(): void;
}

export function createRequestContext<C extends DisconnectableClient>(
  identity: ForwardedIdentity | null,
  databases: RegionDatabases<C>,
  subgraph: string,
  commands: { handlers: readonly CommandHandler[]; waitMs: number },
  noStore: () => void = () => undefined,
): RequestContext<C> {
  const node = () => requireIdentity(identity).node;
  return {
    identity,
    noStore,
    db: () => databases.of(node()),
    sink: () => ({ schema: schemaName(subgraph, node()), origin: node() }),
    commands: createCommandSender({
      identity,
      client: (region) => databases.of(region) as unknown as RegionClient,
      subgraph,
      ...commands,
    }),
  };
}
