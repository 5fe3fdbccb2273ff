import type { ForwardedIdentity } from '@huishang/schema';
import { canActAs, canWrite, ForbiddenError, requireIdentity } from '@huishang/subgraph-kit';
import { ActingForAnotherError } from '../errors.js';

/** How a caller acts on a proposal of a region: as the office, or in person. */
export type Actor = { as: 'staff'; subject: string } | { as: 'member' | 'unit'; subject: string };

/**
 * The capacity in which the caller may act on `region`'s proposals: staff of the region
 * on its node, or, where `inPerson` allows, a member or unit of the region acting for
 * itself. Anyone else is refused as the kit refuses writes.
 */
export function actorOf(
  identity: ForwardedIdentity | null,
  region: string,
  inPerson: readonly ('member' | 'unit')[] = [],
): Actor {
  const caller = requireIdentity(identity);
  if (canWrite(caller, region)) return { as: 'staff', subject: caller.subject };
  const role = inPerson.find((r) => canActAs(caller, region, r));
  if (!role) throw new ForbiddenError('write', region, caller.region);
  return { as: role, subject: caller.subject };
}

/** Refuses a member or unit acting on what is not its own: `owner` is whom the record names. */
export function assertActsFor(actor: Actor, owner: string | null | undefined): void {
  if (actor.as === 'staff') return;
  if (owner?.trim().toLowerCase() !== actor.subject.toLowerCase())
    throw new ActingForAnotherError(actor.subject, owner?.trim() || '—');
}

/**
 * Whom the action is for: staff name anyone (acting on their behalf); a member or unit
 * only itself, the default when the request names nobody.
 */
export function actingFor(actor: Actor, named: string | null | undefined): string {
  if (actor.as === 'staff') return named ?? actor.subject;
  assertActsFor(actor, named ?? actor.subject);
  return actor.subject;
}
