export { composeSupergraph, defaultSubgraphUrls, type SubgraphUrls } from './compose.js';
export {
  CompositionError,
  type ErrorCategory,
  HuishangError,
  type HuishangErrorOptions,
  InvalidIdentityError,
  schemaErrorCodes,
  UnknownRegionError,
} from './errors.js';
export {
  type ForwardedIdentity,
  type Identity,
  identityHeader,
  type Role,
  roles,
  signForwardedIdentity,
  verifyForwardedIdentity,
} from './identity.js';
export {
  ancestorsOf,
  childrenOf,
  findRegion,
  getCommitteeRegion,
  getRegion,
  isWithin,
  type Region,
  type RegionLevel,
} from './regions.js';
export {
  defaultSubgraphPorts,
  loadSubgraphSdl,
  type SubgraphName,
  subgraphNames,
  supergraphPath,
} from './sdl.js';
