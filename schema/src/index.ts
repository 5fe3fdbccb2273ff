export { composeSupergraph, defaultSubgraphUrls, type SubgraphUrls } from './compose.js';
export {
  CompositionError,
  defineErrors,
  type ErrorCategory,
  type ErrorClass,
  type ErrorDeclaration,
  type ErrorRegistry,
  type ErrorText,
  errorTableProblems,
  HuishangError,
  type HuishangErrorOptions,
  type HuishangExtensions,
  InsecureSecretError,
  InvalidIdentityError,
  schemaErrorCodes,
  schemaErrors,
  UnknownRegionError,
} from './errors.js';
export {
  type CommandEnvelope,
  type CommandError,
  type CommandResult,
  type CommandStatus,
  type CommandValidation,
  commandTypes,
  validateCommand,
  validateCommandResult,
} from './events/commands.js';
export type { EventEnvelope, NewEvent } from './events/envelope.js';
export { type EventName, eventNames, eventTypes } from './events/names.js';
export {
  type AggregateType,
  aggregateOwners,
  aggregateTypes,
  commandFilter,
  commandResultFilter,
  commandResultSubject,
  commandSubject,
  eventSubject,
  nodeInboxPrefix,
  placeholder,
  provinceEventSubjects,
  provinceOf,
  provinceResyncFilter,
  regionOfSubject,
  regionTokens,
  resyncSubject,
  senderOfSubject,
  sharedEventSubject,
  subtreeEventFilter,
} from './events/subjects.js';
export { type Validation, validateEvent } from './events/validate.js';
export {
  callerScopeHeader,
  createIdentitySigner,
  createIdentityVerifier,
  type ForwardedIdentity,
  type Identity,
  identityHeader,
  identityKey,
  type Role,
  regionRolesScope,
  roles,
  signForwardedIdentity,
  verifyForwardedIdentity,
} from './identity.js';
export { publicMutations } from './public-mutations.js';
export {
  ancestorsOf,
  childrenOf,
  findRegion,
  getCommitteeRegion,
  getRegion,
  isWithin,
  nextLevelUnder,
  type Region,
  type RegionLevel,
  subtreePrefix,
} from './regions.js';
export {
  defaultSubgraphPorts,
  loadSubgraphSdl,
  type SubgraphName,
  subgraphNames,
  supergraphPath,
} from './sdl.js';
export {
  developmentSwitch,
  isDevelopment,
  knownSecrets,
  minimumSecretBytes,
  readSecret,
  secretProblem,
} from './secrets.js';
