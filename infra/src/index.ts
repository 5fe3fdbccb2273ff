export {
  createGraphqlClient,
  type GraphqlClient,
  type GraphqlError,
  GraphqlRequestError,
  type GraphqlResponse,
} from './graphql-client.js';
export { type NodeHost, type NodeHostOptions, startNodeHost } from './node-host.js';
export { ensureDatabase, ensurePostgres, type PostgresServer } from './postgres.js';
export { demoCommittees } from './seed/demo-data.js';
export { seedDemo } from './seed/seed.js';
