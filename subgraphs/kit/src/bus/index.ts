// The backbone: outbox, relay, replica consumers, commands, streams and the bus plugin.

export type { BusLog } from './bus-log.js';
export { type CommandConsumers, startCommandConsumers } from './commands/consumers.js';
export type { CommandHandler, ReceivedCommand } from './commands/handler.js';
export { commandReceiptResolvers } from './commands/resolvers.js';
export type { CommandRequest, CommandSender } from './commands/sender.js';
export type { CommandReceipt } from './commands/store.js';
export { type Authentication, authenticationOf } from './credentials.js';
export type { DurableSpec } from './durable.js';
export { isPermanent, sqlStateOf } from './failure.js';
export {
  type ReplicationStatusKey,
  replicationStatusQuery,
  replicationStatusResolvers,
} from './figures/replication-resolvers.js';
export type { SourceReplication, SubgraphReplication } from './figures/replication-status.js';
export { type BusParts, busConsumers } from './grants.js';
export {
  type RecordOptions,
  recordEvent,
  recordEvents,
} from './outbox.js';
export { type Bus, type BusStats, busPlugin } from './plugin.js';
export {
  createOutboxRelay,
  type OutboxRelay,
  type OutboxRelayOptions,
  processOutboxRelay,
  type RelayStats,
  type SchemaRelay,
} from './relay.js';
export {
  type ReplicaConsumer,
  type ReplicaConsumerOptions,
  startReplicaConsumer,
} from './replica/consumer.js';
export type { ReplicaSourceStats, ReplicationStats } from './replica/figures.js';
export type { PreparedWrite, ReplicationHandler } from './replica/handler.js';
export { type ReplicaSubscription, replicaSubscriptions } from './replica/subscriptions.js';
export {
  ensureStreams,
  provinceStreamConfigs,
  provinceStreams,
  sharedEventFilter,
} from './streams.js';
