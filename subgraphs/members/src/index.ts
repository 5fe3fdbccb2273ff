export { membersErrorCodes } from './errors.js';
export { membersSubgraph } from './module.js';
