import { type ForwardedIdentity, getCommitteeRegion, isWithin, type Role } from '@huishang/schema';
import { ForbiddenError, RegionNotServedError, UnauthenticatedError } from './errors.js';

/** A caller with no account: the public, which reads only what is published for it. */
export const isPublicOnly = (identity: ForwardedIdentity): boolean =>
  identity.roles.every((role) => role === 'public');

/**
 * Who may see what a region publishes for everyone (published proposals, approved
 * topics): any caller, the anonymous public included, whose region contains it.
 */
export function canReadPublished(identity: ForwardedIdentity, recordRegion: string): boolean {
  return isWithin(recordRegion, identity.region);
}

/**
 * Who may read: anyone with an account whose region contains the record's region (county
 * staff their county, city staff their subtree, province staff the province). The public
 * reads only through `canReadPublished`.
 */
export function canRead(identity: ForwardedIdentity, recordRegion: string): boolean {
  return !isPublicOnly(identity) && canReadPublished(identity, recordRegion);
}

/** Who may write: staff or admins of the record's own region, on that region's node. */
export function canWrite(identity: ForwardedIdentity, recordRegion: string): boolean {
  const writer = identity.roles.includes('staff') || identity.roles.includes('admin');
  return writer && identity.region === recordRegion && identity.node === recordRegion;
}

/**
 * Who may act in person on a record of their own region (a `member` on their own
 * proposal, a `unit` on what it handles): the caller holds `role` in the record's region,
 * on that region's node. The subgraph then matches the subject against the record.
 */
export function canActAs(identity: ForwardedIdentity, recordRegion: string, role: Role): boolean {
  return (
    identity.roles.includes(role) &&
    identity.region === recordRegion &&
    identity.node === recordRegion
  );
}

export function requireIdentity(identity: ForwardedIdentity | null): ForwardedIdentity {
  if (!identity) throw new UnauthenticatedError();
  return identity;
}

/**
 * Checks a region argument of a list query: a known committee region, inside this node's
 * subtree, readable by the caller (never by the public: see `assertPublishedRegion`).
 */
export function assertReadableRegion(
  identity: ForwardedIdentity | null,
  region: string,
): ForwardedIdentity {
  return assertRegionFor(identity, region, canRead);
}

/** Checks a region argument of a query for what is published to everyone. */
export function assertPublishedRegion(
  identity: ForwardedIdentity | null,
  region: string,
): ForwardedIdentity {
  return assertRegionFor(identity, region, canReadPublished);
}

function assertRegionFor(
  identity: ForwardedIdentity | null,
  region: string,
  allowed: (caller: ForwardedIdentity, region: string) => boolean,
): ForwardedIdentity {
  const caller = requireIdentity(identity);
  getCommitteeRegion(region);
  if (!isWithin(region, caller.node)) throw new RegionNotServedError(region, caller.node);
  if (!allowed(caller, region)) throw new ForbiddenError('read', region, caller.region);
  return caller;
}

/** Checks that the caller may write records owned by `region` on this node. */
export function assertWritableRegion(
  identity: ForwardedIdentity | null,
  region: string,
): ForwardedIdentity {
  const caller = requireIdentity(identity);
  getCommitteeRegion(region);
  if (!canWrite(caller, region)) throw new ForbiddenError('write', region, caller.region);
  return caller;
}
