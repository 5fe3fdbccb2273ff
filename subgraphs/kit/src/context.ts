import type { ForwardedIdentity } from '@huishang/schema';
import { requireIdentity } from './access.js';
import type { DisconnectableClient, RegionDatabases } from './database.js';

/** What every resolver receives. */
export interface RequestContext<C> {
  identity: ForwardedIdentity | null;
  /** The database of the node this request asks (from the forwarded identity). */
  db(): C;
}

export function createRequestContext<C extends DisconnectableClient>(
  identity: ForwardedIdentity | null,
  databases: RegionDatabases<C>,
): RequestContext<C> {
  return { identity, db: () => databases.of(requireIdentity(identity).node) };
}
