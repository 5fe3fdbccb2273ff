export { buildGatewayApp } from './app.js';
export {
  type CallerKeys,
  type GatewayConfig,
  loadGatewayConfig,
  type TokenSettings,
} from './config.js';
export { gatewayErrorCodes } from './errors.js';
export { keptAnswerHeader } from './plugins/graphql.js';
export { isRevoked, parseRevocations, type Revocations } from './revocations.js';
export {
  createTokenIssuer,
  developmentTokenIssuer,
  generateSigningKey,
  readTokenIssuer,
  type SigningKeyPair,
  type TokenIssuer,
} from './signing-keys.js';
export {
  type MintClaims,
  type MintOptions,
  mintToken,
  nodeAudience,
  verifyToken,
} from './token.js';
