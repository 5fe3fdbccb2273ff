export { proposalsErrorCodes } from './errors.js';
export {
  type ProposalEventName,
  type ProposalRows,
  type ProposalSnapshot,
  proposalEvent,
  proposalSnapshot,
} from './events/proposal-snapshot.js';
export { proposalsSubgraph } from './module.js';
