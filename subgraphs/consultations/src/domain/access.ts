import type { ForwardedIdentity } from '@huishang/schema';
import { canActAs, canWrite, ForbiddenError } from '@huishang/subgraph-kit';
import { optionalId } from './place.js';

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
  if (canActAs(caller, region, 'member') && (!submitterId || submitterId === caller.subject))
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
  if (unit && canActAs(caller, region, 'unit') && caller.subject === unit) return;
  throw new ForbiddenError('write', region, caller.region);
}

/** Staff of the owner region, or the member who submitted the item rating its handling. */
export function assertStaffOrSubmitter(
  caller: ForwardedIdentity,
  region: string,
  submitterId: string | null,
): void {
  if (canWrite(caller, region)) return;
  if (submitterId && canActAs(caller, region, 'member') && caller.subject === submitterId) return;
  throw new ForbiddenError('write', region, caller.region);
}
