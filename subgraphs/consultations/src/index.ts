export { consultationsErrorCodes } from './errors.js';
export { consultationsSubgraph } from './module.js';
