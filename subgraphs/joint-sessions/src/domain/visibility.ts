import { type ForwardedIdentity, isWithin } from '@huishang/schema';

/**
 * Who may read a joint session: anyone whose region contains one of its parties (the
 * host among them), so Jiangsu's staff see a session Wujiang joins, and nobody else does.
 */
export const canSeeJointSession = (caller: ForwardedIdentity, partyRegions: string[]): boolean =>
  partyRegions.some((party) => isWithin(party, caller.region));
