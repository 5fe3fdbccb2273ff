import type { ForwardedIdentity } from '@huishang/schema';
import { canRead } from '@huishang/subgraph-kit';

/**
 * Who may read a joint session: anyone with an account whose region contains one of its
 * parties (the host among them), so Jiangsu's staff see a session Wujiang joins, and
 * nobody else does.
 */
export const canSeeJointSession = (caller: ForwardedIdentity, partyRegions: string[]): boolean =>
  partyRegions.some((party) => canRead(caller, party));
