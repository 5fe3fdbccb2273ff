import type { ServerResponse } from 'node:http';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { TooManyFollowersError, UnauthenticatedError } from './errors.js';

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

/** Followers at once: a node's gateway processes, not its callers. */
const maxFollowers = 32;
/** A comment line this often, so a follower can tell a quiet feed from a dead one. */
export const changeHeartbeatMs = 10_000;

/**
 * `GET /changes`: a server-sent event stream, one `data: <region>` per change, for
 * callers holding the node's internal secret (a signed forwarded identity of staff, as the
 * gateway sends). It opens with a comment line, so the reader knows it is following, and
 * repeats one every ten seconds. A follower that stops reading is dropped (it knows it
 * missed changes when its stream ends).
 */
export const changesPlugin: FastifyPluginAsync = fp(
  async (app) => {
    app.decorate('changes', new ChangeFeed());
    const followers = new Set<ServerResponse>();
    // an open feed would hold the server's close until its follower hangs up
    app.addHook('preClose', async () => {
      for (const stream of followers) stream.destroy();
    });
    app.get('/changes', async (request, reply) => {
      if (!request.identity?.roles.includes('staff')) {
        const error = new UnauthenticatedError();
        return reply.code(401).send({
          errors: [{ message: error.message, extensions: error.extensions }],
        });
      }
      if (followers.size >= maxFollowers) {
        const error = new TooManyFollowersError(maxFollowers);
        return reply.code(503).send({
          errors: [{ message: error.message, extensions: error.extensions }],
        });
      }
      reply.hijack();
      const stream = reply.raw;
      followers.add(stream);
      stream.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
      });
      const send = (text: string) => {
        if (!stream.write(text)) stream.destroy();
      };
      send(': following\n\n');
      const heartbeat = setInterval(() => send(': following\n\n'), changeHeartbeatMs);
      const unsubscribe = app.changes.subscribe((region) => send(`data: ${region}\n\n`));
      stream.once('close', () => {
        followers.delete(stream);
        clearInterval(heartbeat);
        unsubscribe();
      });
    });
  },
  { name: 'huishang-changes', dependencies: ['huishang-identity'] },
);
