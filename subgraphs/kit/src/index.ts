export {
  assertPublishedRegion,
  assertReadableRegion,
  assertWritableRegion,
  canActAs,
  canRead,
  canReadPublished,
  canWrite,
  isPublicOnly,
  requireIdentity,
} from './access.js';
export { buildSubgraphApp, runSubgraph, type SubgraphDeps, type SubgraphModule } from './app.js';
export { type CommandConsumers, startCommandConsumers } from './commands/consumers.js';
export type { CommandHandler, ReceivedCommand } from './commands/handler.js';
export { commandReceiptResolvers } from './commands/resolvers.js';
export type { CommandRequest, CommandSender } from './commands/sender.js';
export type { CommandReceipt } from './commands/store.js';
export {
  type BusConfig,
  defaultCommandWaitMs,
  defaultDatabaseUrl,
  developmentInternalSecret,
  type Hosting,
  hostedRegions,
  readSubgraphConfig,
  type SubgraphConfig,
} from './config.js';
export { fetchConnection } from './connection.js';
export type { RequestContext } from './context.js';
export { createPool, openRegionDatabases, type RegionDatabases, schemaName } from './database.js';
export {
  type Colour,
  type ColourThresholds,
  chinaToday,
  daysBetween,
  deadlineAfter,
  deadlineColour,
  defaultThresholds,
} from './deadline-colour.js';
export {
  BadPageError,
  CommandCrossesProvinceError,
  ForbiddenError,
  InvalidCommandError,
  InvalidInputError,
  kitErrorCodes,
  MigrationError,
  NodeNotHostedError,
  NotFoundError,
  RegionNotServedError,
  UnauthenticatedError,
  VersionConflictError,
} from './errors.js';
export type { BusLog } from './events/bus-log.js';
export {
  type ReplicaClient,
  type ReplicaConsumer,
  type ReplicaConsumerOptions,
  type ReplicaSourceStats,
  type ReplicaTransaction,
  type ReplicationStats,
  startReplicaConsumer,
} from './events/consumer.js';
export { type EventSink, type RawSql, type RecordOptions, recordEvent } from './events/outbox.js';
export {
  type OutboxRelay,
  type OutboxRelayOptions,
  type RelayStats,
  startOutboxRelay,
} from './events/relay.js';
export { type ReplicaSubscription, replicaSubscriptions } from './events/replica-subscriptions.js';
export type { ReplicationHandler } from './events/replication.js';
export {
  ensureStreams,
  provinceStreamConfigs,
  provinceStreams,
  sharedEventFilter,
} from './events/streams.js';
export { groupBy } from './group-by.js';
export { newId } from './ids.js';
export { createByIdLoader, createMapLoader } from './loaders.js';
export { applyMigrations, readMigrations } from './migrations.js';
export {
  type Connection,
  defaultPageSize,
  listConnection,
  maxPageSize,
  type PageArgs,
  parsePage,
} from './pagination.js';
export { type Bus, type BusStats, busPlugin } from './plugins/bus.js';
export {
  type RegionScope,
  regionWhere,
  reportByNextLevel,
  type StatisticsReport,
} from './region-scope.js';
export {
  type ReplicationStatusKey,
  replicationStatusQuery,
  replicationStatusResolvers,
} from './replication-resolvers.js';
export type { SourceReplication, SubgraphReplication } from './replication-status.js';
export { isoDate, isoTime, optionalText, requireDate, requireText } from './validate.js';
