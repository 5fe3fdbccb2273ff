// `@huishang/infra/nats`: what a production province runs to configure its NATS servers and
// provision its streams. Nothing here reaches the demo's seeds, its node host, the
// benchmarks or the test helpers (`production-entry.test.ts` checks the imports); the
// development configuration (`dev.ts`) and the nats-server the demo starts (`start.ts`) are
// exported from the package's root only.

export {
  type AccountLimits,
  accountName,
  adminCredentials,
  adminUser,
  buildNatsConfig,
  devAccountLimits,
  devSecret,
  isNkey,
  type NatsCredentials,
  type NatsSecrets,
  natsUsers,
  nodeCredentials,
  nodeUser,
} from './accounts.js';
export { createNodeKey, type NodeKey } from './node-keys.js';
export { nodeConsumers, nodePermissions, type Permissions } from './permissions.js';
export { provisionAccounts, provisionStreams } from './streams.js';
