export { jointSessionsErrorCodes } from './errors.js';
export { jointSessionsSubgraph } from './module.js';
