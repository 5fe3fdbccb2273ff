export { type BusFixture, startBusFixture } from './bus-fixture.js';
export { inDays } from './dates.js';
export { errorCodeProblems } from './error-codes.js';
export { identityHeaders } from './identity.js';
export { readInbox, type TestTask } from './inbox.js';
export {
  type NatsServer,
  natsServerBinary,
  spawnTiedToProcess,
  startNatsServer,
} from './nats-server.js';
export { applyBatch, newestOfEach, tableRows, writeStatements } from './replica-batch.js';
export { replicateEvent } from './replicate.js';
export {
  migratedColumns,
  prismaColumns,
  schemaDrift,
  schemaDriftOf,
} from './schema-drift.js';
export { createSqlClient } from './sql-client.js';
export { createTestDatabase, type TestDatabase } from './test-database.js';
export {
  answerOf,
  startTestNodes,
  type TestCommandReceipt,
  type TestNodes,
} from './test-nodes.js';
export {
  type GraphQLResponseBody,
  startTestSubgraph,
  type TestCaller,
  type TestOutboxRow,
  type TestSubgraph,
} from './test-subgraph.js';
export { freePort, sleep, waitUntil } from './wait.js';
