export {
  createGraphqlClient,
  type GraphqlClient,
  type GraphqlError,
  GraphqlRequestError,
  type GraphqlResponse,
} from './graphql-client.js';
export { devNatsConfig, devNatsConfigPath, devNatsNodes } from './nats/dev.js';
export * from './nats/index.js';
export {
  type EnsureNatsOptions,
  ensureNats,
  type NatsEndpoint,
  natsAnswers,
} from './nats/start.js';
export {
  type HostedGateway,
  hostToken,
  type NodeHost,
  type NodeHostOptions,
  startNodeHost,
} from './node-host.js';
export { ensureDatabase, ensurePostgres, type PostgresServer } from './postgres.js';
export { demoCommittees } from './seed/demo-data.js';
export {
  deqingCrossTermFigures,
  deqingCrossTermRecords,
  seedDeqingCrossTerm,
} from './seed/deqing-cross-term.js';
export { jinhuaOpinionFigures, jinhuaOpinionRecords } from './seed/jinhua-opinions.js';
export { seedMemberRoster } from './seed/member-roster.js';
export { pinghu2020Figures, pinghu2020Records } from './seed/pinghu-2020.js';
export { provinceSeedSteps, seedProvince } from './seed/province.js';
export { seedDemo, seedFigures } from './seed/seed.js';
export { seedWenzhouYear, wenzhouYearFigures, wenzhouYearRecords } from './seed/wenzhou-year.js';
