import type { SubgraphName } from '@huishang/schema';
import { schemaName } from '../database.js';
import { commandConsumerSpecs } from './commands/consumers.js';
import type { CommandHandler } from './commands/handler.js';
import type { DurableSpec } from './durable.js';
import type { ReplicationHandler } from './replica/handler.js';
import { ownEventSubscriptions, replicaSubscriptions } from './replica/subscriptions.js';
import { resyncServerSpec } from './resync/server.js';

/** What of a subgraph module decides which durable consumers its bus runs. */
export interface BusParts {
  name: SubgraphName;
  replication?: Pick<ReplicationHandler, 'aggregates'>;
  derivation?: Pick<ReplicationHandler, 'aggregates'>;
  commands?: readonly Pick<CommandHandler, 'aggregate'>[];
}

const specOf = ({ stream, name, filter }: DurableSpec): DurableSpec => ({ stream, name, filter });

/**
 * Every durable consumer the bus plugin runs for `region` in this subgraph, as the plugin
 * starts them (`busPlugin`'s `startRegion`): the resync server, command and answer
 * consumers, derivations and replicas. A node's NATS user is granted exactly these, by
 * name and filter, and nothing else of the JetStream API (infra's `nodePermissions`).
 */
export function busConsumers(region: string, parts: BusParts): DurableSpec[] {
  const schema = schemaName(parts.name, region);
  const specs = [resyncServerSpec(region, schema, parts.name)];
  if (parts.commands?.length) {
    const commands = commandConsumerSpecs(region, schema, parts.commands);
    specs.push(...commands.owner, commands.results);
  }
  if (parts.derivation)
    specs.push(...ownEventSubscriptions(region, schema, parts.derivation.aggregates));
  if (parts.replication)
    specs.push(...replicaSubscriptions(region, schema, parts.replication.aggregates));
  return specs.map(specOf);
}
