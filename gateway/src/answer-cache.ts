import { createHash } from 'node:crypto';
import type { HTTPGraphQLResponse } from '@apollo/server';
import { getCommitteeRegion } from '@huishang/schema';
import { LRUCache } from 'lru-cache';

/** A complete answer to a GraphQL request, as sent. */
export interface Answer {
  status: number;
  headers: HTTPGraphQLResponse['headers'];
  body: string;
}

/** Where the data version lives (`ChangeFollower`). */
export interface DataVersions {
  versionOf(node: string): string | undefined;
}

// colours turn with the clock, not with events: no answer is kept longer than this
const maxAgeMs = 30_000;

/**
 * Answers kept at upper nodes (a city, the province): their records change only when an
 * event is applied (replicas of the subtree) or written there, and each such change moves
 * the node's data version on (the subgraphs' change feeds; a mutation through this
 * gateway moves its write epoch too). An answer is kept under the request's key (which
 * holds the caller's whole identity: never shared between callers) and the version it was
 * computed at, and only served while that is still the node's version. A county's own
 * writes need no event to show, so its answers are not kept.
 */
export class AnswerCache {
  readonly #answers = new LRUCache<string, Answer>({
    max: 10_000,
    maxSize: 64 * 1024 * 1024,
    sizeCalculation: (answer) => Buffer.byteLength(answer.body) + 256,
    ttl: maxAgeMs,
  });
  readonly #versions: DataVersions;

  constructor(versions: DataVersions) {
    this.#versions = versions;
  }

  /** The key to keep `requestKey`'s answer at `node` under now; undefined: not kept. */
  keyOf(node: string, requestKey: string): string | undefined {
    if (getCommitteeRegion(node).level === 'COUNTY') return undefined;
    const version = this.#versions.versionOf(node);
    if (version === undefined) return undefined;
    // a digest: the request (its variables) may be large, and keys are not counted in the size
    return createHash('sha256').update(`${version}\u0000${requestKey}`).digest('base64url');
  }

  get(key: string): Answer | undefined {
    return this.#answers.get(key);
  }

  /** Keeps a successful answer; one with errors is asked again. */
  keep(key: string, answer: Answer): void {
    if (answer.status !== 200 || !answer.body.startsWith('{"data"')) return;
    if ((JSON.parse(answer.body) as { errors?: unknown }).errors) return;
    this.#answers.set(key, answer);
  }
}
