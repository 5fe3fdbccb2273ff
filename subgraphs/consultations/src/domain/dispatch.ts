import { type Identity, isWithin } from '@huishang/schema';
import { canWrite } from '@huishang/subgraph-kit';

/**
 * Who may dispatch a supervision task to the committee `owner` (whose node applies the
 * command): staff or admins of `owner` itself or of a committee above it (the province or
 * the city over a county), acting on their own region's node. A sibling county, a county
 * for its city, or a reader may not.
 */
export function canDispatchSupervisionTask(
  caller: Identity & { node: string },
  owner: string,
): boolean {
  return canWrite(caller, caller.region) && isWithin(owner, caller.region);
}
