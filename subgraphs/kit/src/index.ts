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
export {
  type ChangePlan,
  changeVersioned,
  type Versioned,
  type VersionedChange,
  type VersionedDelegate,
  type VersionedTable,
  versionedTable,
} from './change.js';
export {
  type BusConfig,
  defaultCommandWaitMs,
  defaultDatabaseUrl,
  defaultReminderSweepMs,
  developmentInternalSecret,
  type Hosting,
  hostedRegions,
  readSubgraphConfig,
  type SubgraphConfig,
} from './config.js';
export { fetchConnection } from './connection.js';
export type { RequestContext } from './context.js';
export {
  createPool,
  migrateSubgraphSchemas,
  openRegionDatabases,
  type RegionDatabases,
  SerialClient,
  type SubgraphSchemas,
  schemaName,
  schemaOf,
  subgraphMigrations,
} from './database.js';
export {
  type Colour,
  type ColourThresholds,
  chinaDate,
  chinaDateAtUtcMidnight,
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
  InvalidPeriodError,
  kitErrorCodes,
  MigrationError,
  NodeNotHostedError,
  NotFoundError,
  RegionNotServedError,
  UnauthenticatedError,
  VersionConflictError,
} from './errors.js';
export { groupBy } from './group-by.js';
export { newAggregateId, newId, originOfId } from './ids.js';
export { createByIdLoader, createMapLoader } from './loaders.js';
export {
  type AppliedMigrations,
  applyMigrations,
  type MigrateSchemasOptions,
  type Migration,
  migrateSchemas,
  readAppliedMigrations,
  readMigrations,
  type SchemaMigrations,
} from './migrations.js';
export { holdPendingSlot, pendingPerSource } from './moderation.js';
export type { OutboxAddress } from './outbox-address.js';
export {
  type Connection,
  defaultPageSize,
  listConnection,
  maxPageSize,
  type PageArgs,
  parsePage,
} from './pagination.js';
export { dayBounds, instantBounds, type Period, type PeriodInput, periodOf } from './period.js';
export { type Periodic, startPeriodic } from './periodic.js';
export type { RegionSweep } from './plugins/sweeps.js';
export type { RawSql, RegionClient } from './raw-sql.js';
export {
  type RegionScope,
  regionWhere,
  reportByNextLevel,
  type StatisticsReport,
} from './region-scope.js';
export {
  countTasks,
  findReminderCandidates,
  insertReminder,
  listTasks,
  markTaskRead,
  type NewReminder,
  type ReminderCandidate,
  type ReminderScan,
  type TaskRow,
} from './reminder-store.js';
export {
  createReminderSweep,
  type RemindedRecords,
  type ReminderSweep,
  type ReminderSweepOptions,
} from './reminder-sweep.js';
export {
  type Inbox,
  inboxesFor,
  inboxesOf,
  type ReminderColour,
  reminderColourOf,
  reminderReason,
  schedulerName,
  type TaskKind,
  unitKey,
} from './reminders.js';
export {
  type ChildRows,
  columnOf,
  deleteRowsOf,
  type InsertRowsOptions,
  insertRows,
  prepareRecords,
  replaceRecords,
} from './sql-rows.js';
export { markOwnTaskRead, readOwnTasks, taskTimeResolvers } from './task-resolvers.js';
export { isoDate, isoTime, optionalText, requireDate, requireText } from './validate.js';
