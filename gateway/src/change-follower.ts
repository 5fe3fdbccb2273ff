import { identityHeader } from '@huishang/schema';
import type { FastifyBaseLogger } from 'fastify';
import { Agent, request } from 'undici';

/** Where a follower reads one subgraph's changes, and what proves it may. */
export interface FeedSource {
  /** The subgraph's GraphQL URL; its feed is `/changes` on the same origin. */
  url: string;
  /** A forwarded identity signed with the node's internal secret. */
  identity: () => Promise<string>;
}

const retryMs = 1_000;
/** Silence this long means a dead feed: the subgraphs send a comment line every 10 s. */
const silenceMs = 25_000;

/**
 * Follows every subgraph's `GET /changes` (the kit's change feed) and keeps, per node, a
 * data version that moves on with each change applied or published there. While any feed
 * is not followed (not yet, or its connection dropped) there is no version at all, so
 * nothing may be answered from a cache; every reconnection starts a new generation, since
 * changes may have been missed in between.
 */
export class ChangeFollower {
  readonly #versions = new Map<string, number>();
  readonly #following = new Set<string>();
  readonly #sources: FeedSource[];
  readonly #log: FastifyBaseLogger;
  readonly #agent = new Agent({ bodyTimeout: silenceMs });
  readonly #stop = new AbortController();
  #generation = 0;
  readonly #warned = new Set<string>();
  readonly #listeners = new Set<(node: string | undefined) => void>();

  constructor(sources: FeedSource[], log: FastifyBaseLogger) {
    this.#sources = sources;
    this.#log = log;
    for (const source of sources) void this.#follow(source);
  }

  /** The node's data version, or undefined while a feed is not followed. */
  versionOf(node: string): string | undefined {
    if (this.#following.size < this.#sources.length) return undefined;
    return `${this.#generation}.${this.#versions.get(node) ?? 0}`;
  }

  /**
   * Calls `listener` with the node whose data moved on, or with undefined when a feed was
   * (re)joined and changes may have been missed. Returns the unsubscription.
   */
  onChange(listener: (node: string | undefined) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #tell(node: string | undefined): void {
    for (const listener of this.#listeners) listener(node);
  }

  async #follow(source: FeedSource): Promise<void> {
    const feed = new URL('/changes', source.url).href;
    while (!this.#stop.signal.aborted) {
      try {
        const response = await request(feed, {
          headers: { [identityHeader]: await source.identity() },
          dispatcher: this.#agent,
          signal: this.#stop.signal,
        });
        if (response.statusCode !== 200) throw new Error(`status ${response.statusCode}`);
        let pending = '';
        for await (const chunk of response.body) {
          if (!this.#following.has(feed)) {
            this.#generation += 1;
            this.#following.add(feed);
            this.#tell(undefined);
          }
          pending += chunk.toString();
          const events = pending.split('\n\n');
          pending = events.pop() ?? '';
          for (const event of events) {
            if (!event.startsWith('data: ')) continue;
            const node = event.slice('data: '.length);
            this.#versions.set(node, (this.#versions.get(node) ?? 0) + 1);
            this.#tell(node);
          }
        }
        throw new Error('the feed ended');
      } catch (error) {
        if (this.#stop.signal.aborted) return;
        if (this.#following.delete(feed) || !this.#warned.has(feed))
          this.#log.warn({ err: error, feed }, 'no change feed; answers are not kept');
        this.#warned.add(feed);
        await new Promise((resolve) => setTimeout(resolve, retryMs).unref());
      }
    }
  }

  async close(): Promise<void> {
    this.#stop.abort();
    await this.#agent.close().catch(() => undefined);
  }
}
