import type { CommandReceipt } from './store.js';

/**
 * `CommandReceipt` fields every subgraph that sends commands resolves alike: the owner as
 * a Region reference, the result as JSON text (its shape is the command's own).
 */
export const commandReceiptResolvers = {
  owner: (receipt: CommandReceipt) => ({ code: receipt.owner }),
  result: (receipt: CommandReceipt) =>
    receipt.result === null ? null : JSON.stringify(receipt.result),
};
