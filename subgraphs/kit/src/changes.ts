import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';

/** Who hears that a hosted region's records changed. */
export type ChangeListener = (region: string) => void;

/**
 * Tells listeners that a hosted region's records changed: the replica and derivation
 * consumers after a batch is applied, the outbox relay after the region's own writes are
 * published. The gateway's answer cache follows it (`GET /changes`).
 */
export class ChangeFeed {
  readonly #listeners = new Set<ChangeListener>();

  notify(region: string): void {
    for (const listener of this.#listeners) listener(region);
  }

  /** Returns the unsubscription. */
  subscribe(listener: ChangeListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Changes to the hosted regions' records, as they are applied or published. */
    changes: ChangeFeed;
  }
}

/**
 * `GET /changes`: a server-sent event stream, one `data: <region>` per change, for
 * callers holding the node's internal secret (a signed forwarded identity, as the
 * gateway sends). It opens with a comment line, so the reader knows it is following.
 */
export const changesPlugin: FastifyPluginAsync = fp(
  async (app) => {
    app.decorate('changes', new ChangeFeed());
    app.get('/changes', async (request, reply) => {
      if (!request.identity) {
        return reply.code(401).send({
          errors: [{ message: 'no forwarded identity', extensions: { code: 'UNAUTHENTICATED' } }],
        });
      }
      reply.hijack();
      const stream = reply.raw;
      stream.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
      });
      stream.write(': following\n\n');
      const unsubscribe = app.changes.subscribe((region) => stream.write(`data: ${region}\n\n`));
      request.raw.once('close', unsubscribe);
    });
  },
  { name: 'huishang-changes', dependencies: ['huishang-identity'] },
);
