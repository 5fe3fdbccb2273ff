import {
  createIdentityVerifier,
  type ForwardedIdentity,
  HuishangError,
  InvalidIdentityError,
  identityHeader,
} from '@huishang/schema';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller as the gateway verified it; null when no identity was forwarded. */
    identity: ForwardedIdentity | null;
  }
}

export interface IdentityPluginOptions {
  internalSecret: string;
}

/** Verifies the identity the gateway forwards; a forged or stale one is a 401. */
export const identityPlugin = fp<IdentityPluginOptions>(
  async (app, { internalSecret }) => {
    app.decorateRequest('identity', null);
    const verify = createIdentityVerifier(internalSecret);
    app.addHook('onRequest', async (request, reply) => {
      const token = request.headers[identityHeader];
      if (typeof token !== 'string') return;
      try {
        request.identity = await verify(token);
      } catch (error) {
        request.log.warn({ err: error }, 'refused a forwarded identity');
        const refusal =
          error instanceof HuishangError ? error : new InvalidIdentityError('unreadable', error);
        return reply.code(401).send({
          errors: [{ message: refusal.message, extensions: refusal.extensions }],
        });
      }
    });
  },
  { name: 'huishang-identity' },
);
