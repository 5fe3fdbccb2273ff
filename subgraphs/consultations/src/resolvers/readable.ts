import { canRead, ForbiddenError, requireIdentity } from '@huishang/subgraph-kit';
import type { ConsultationsContext } from '../context.js';

/** Loads a record by id (batched by the loader); one the caller may not read is refused. */
export async function loadReadable<T extends { region: string }>(
  context: ConsultationsContext,
  load: (id: string) => Promise<T | null>,
  id: string,
): Promise<T | null> {
  const caller = requireIdentity(context.identity);
  const record = await load(id);
  if (record && !canRead(caller, record.region))
    throw new ForbiddenError('read', record.region, caller.region);
  return record;
}

/** A reference to a member, resolved by the members subgraph. */
export const memberReference = (id: string | null) => (id ? { __typename: 'Member', id } : null);
