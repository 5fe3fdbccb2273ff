/**
 * The callers' revocation list, as the province publishes it in JWT_REVOCATIONS_FILE:
 *
 *   { "tokens": ["<jti>", …], "subjects": { "<sub>": "<ISO date-time>", … } }
 *
 * A token is revoked when its `jti` is listed, or when its subject is listed and the token
 * was issued (`iat`) before that time: "everything 李明 held until now".
 */
export interface Revocations {
  tokens: ReadonlySet<string>;
  /** Subject → seconds since the epoch; tokens issued before it are refused. */
  subjects: ReadonlyMap<string, number>;
}

export const noRevocations: Revocations = { tokens: new Set(), subjects: new Map() };

/** Reads a revocation list; throws a TypeError naming what is malformed. */
export function parseRevocations(text: string): Revocations {
  const data = JSON.parse(text) as { tokens?: unknown; subjects?: unknown };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new TypeError('not a JSON object');
  }
  const tokens = data.tokens ?? [];
  if (!Array.isArray(tokens) || !tokens.every((t) => typeof t === 'string')) {
    throw new TypeError('"tokens" must be a list of jti strings');
  }
  const subjects = new Map<string, number>();
  const listed = data.subjects ?? {};
  if (typeof listed !== 'object' || listed === null || Array.isArray(listed)) {
    throw new TypeError('"subjects" must map each subject to a date-time');
  }
  for (const [subject, when] of Object.entries(listed)) {
    const ms = typeof when === 'string' ? Date.parse(when) : Number.NaN;
    if (Number.isNaN(ms)) throw new TypeError(`"subjects"."${subject}" is not a date-time`);
    subjects.set(subject, Math.floor(ms / 1000));
  }
  return { tokens: new Set(tokens), subjects };
}

/** Whether the list revokes a token with these claims. */
export function isRevoked(
  revocations: Revocations,
  claims: { jti?: string | undefined; sub: string; iat: number },
): boolean {
  if (claims.jti !== undefined && revocations.tokens.has(claims.jti)) return true;
  const notBefore = revocations.subjects.get(claims.sub);
  return notBefore !== undefined && claims.iat < notBefore;
}
