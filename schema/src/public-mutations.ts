/**
 * Mutations the public may call without an account, on a node that admits anonymous
 * callers: a comment on a published proposal, a topic suggested for consultation. Both
 * are held for moderation by the subgraph that owns them; the gateway lets nothing else
 * through anonymously.
 */
export const publicMutations: ReadonlySet<string> = new Set([
  'commentOnProposal',
  'submitPublicTopic',
]);
