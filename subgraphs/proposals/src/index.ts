export { proposalsErrorCodes } from './errors.js';
export { proposalsSubgraph } from './module.js';
