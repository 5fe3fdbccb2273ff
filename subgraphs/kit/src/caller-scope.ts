import type { ForwardedIdentity } from '@huishang/schema';

/**
 * The caller's identity as resolvers see it, noting whether anything read who asked (the
 * subject). An answer computed without it depends on the caller only through its node,
 * region and roles, and the gateway may give it to another caller with the same three
 * (`callerScopeHeader`). Spreading or serialising the identity reads the subject too:
 * doubt counts as read.
 */
export function watchSubject(identity: ForwardedIdentity | null): {
  identity: ForwardedIdentity | null;
  subjectRead: () => boolean;
} {
  if (!identity) return { identity, subjectRead: () => false };
  let read = false;
  const watched: ForwardedIdentity = Object.freeze({
    get subject() {
      read = true;
      return identity.subject;
    },
    region: identity.region,
    roles: identity.roles,
    node: identity.node,
  });
  return { identity: watched, subjectRead: () => read };
}
