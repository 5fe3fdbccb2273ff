import { getRegion } from '@huishang/schema';
import { canRead, ForbiddenError, requireIdentity } from '@huishang/subgraph-kit';
import type { MembersContext } from '../context.js';
import type { Person } from '../data/members.js';

/**
 * Loads a person; the caller may read one registered in their subtree, or holding a
 * membership there (a Huzhou reader sees the Nanxun-registered person of a Huzhou member).
 */
export async function loadReadablePerson(
  id: string,
  context: MembersContext,
): Promise<Person | null> {
  const caller = requireIdentity(context.identity);
  const person = await context.personById.load(id);
  if (!person || canRead(caller, person.region)) return person;
  const memberships = await context.membershipsOfPerson.load(id);
  if (!memberships.some((m) => canRead(caller, m.region)))
    throw new ForbiddenError('read', person.region, caller.region);
  return person;
}

export const personResolvers = {
  __resolveReference: (reference: { id: string }, context: MembersContext) =>
    loadReadablePerson(reference.id, context),
  region: (person: Person) => getRegion(person.region),
  /** Only the memberships the caller may read. */
  async memberships(person: Person, _: unknown, context: MembersContext) {
    const caller = requireIdentity(context.identity);
    const memberships = await context.membershipsOfPerson.load(person.id);
    return memberships.filter((m) => canRead(caller, m.region));
  },
};
