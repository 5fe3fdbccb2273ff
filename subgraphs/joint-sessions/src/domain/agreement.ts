import type { Identity } from '@huishang/schema';

/**
 * Who may agree to advance a joint session at its host: staff or admins of one of its
 * parties (a partner, or the host itself), acting on their own region's node. Seeing a
 * session is wider (a party's province sees it too); agreeing is for the parties alone.
 */
export function canAgreeJointStage(
  caller: Identity & { node: string },
  partyRegions: string[],
): boolean {
  const writer = caller.roles.includes('staff') || caller.roles.includes('admin');
  return writer && caller.node === caller.region && partyRegions.includes(caller.region);
}
