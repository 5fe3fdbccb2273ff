import type { ForwardedIdentity } from '@huishang/schema';
import { canWrite, ForbiddenError } from '@huishang/subgraph-kit';
import { optionalId } from './place.js';

/** A caller of role `role` acting on their own committee's node for `region`. */
const onOwnNode = (caller: ForwardedIdentity, role: 'member' | 'unit', region: string) =>
  caller.roles.includes(role) && caller.region === region && caller.node === region;

/**
 * Who submits an opinion item to `region`: a member, as themselves (their token's subject
 * is their member id), or the office's staff on a member's behalf (`submitterId`).
 */
export function submitterFor(
  caller: ForwardedIdentity,
  region: string,
  submitterId: string | null | undefined,
): string | null {
  if (canWrite(caller, region)) return optionalId('submitterId', submitterId);
  if (onOwnNode(caller, 'member', region) && (!submitterId || submitterId === caller.subject))
    return optionalId('submitterId', caller.subject);
  throw new ForbiddenError('write', region, caller.region);
}

/**
 * Staff of the owner region, or the handling unit named on the record (a `unit` token's
 * subject is the unit's name) reporting its own handling or feedback.
 */
export function assertStaffOrUnit(
  caller: ForwardedIdentity,
  region: string,
  unit: string | null,
): void {
  if (canWrite(caller, region)) return;
  if (unit && onOwnNode(caller, 'unit', region) && caller.subject === unit) return;
  throw new ForbiddenError('write', region, caller.region);
}

/** Staff of the owner region, or the member who submitted the item rating its handling. */
export function assertStaffOrSubmitter(
  caller: ForwardedIdentity,
  region: string,
  submitterId: string | null,
): void {
  if (canWrite(caller, region)) return;
  if (submitterId && onOwnNode(caller, 'member', region) && caller.subject === submitterId) return;
  throw new ForbiddenError('write', region, caller.region);
}
