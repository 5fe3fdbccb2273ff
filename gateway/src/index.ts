export { buildGatewayApp } from './app.js';
export { type GatewayConfig, loadGatewayConfig } from './config.js';
export { gatewayErrorCodes } from './errors.js';
export { mintToken, verifyToken } from './token.js';
