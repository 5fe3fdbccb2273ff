import { identityHeader, signForwardedIdentity } from '@huishang/schema';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { changesPlugin } from '../changes.js';
import { identityPlugin } from './identity.js';

const secret = 'a-secret-of-thirty-two-bytes-or-more';

async function buildApp() {
  const app = Fastify();
  await app.register(identityPlugin, { internalSecret: secret });
  await app.register(changesPlugin);
  app.get('/', async (request) => ({ region: request.identity?.region ?? null }));
  return app;
}

describe('identityPlugin', () => {
  it('refuses a forged identity with a 401 naming its reason', async () => {
    const app = await buildApp();
    const forged = await signForwardedIdentity(
      { subject: 's', region: '330503', roles: ['staff'], node: '330503' },
      'another-secret-of-thirty-two-bytes',
    );
    const response = await app.inject({ url: '/', headers: { [identityHeader]: forged } });
    expect(response.statusCode).toBe(401);
    expect(response.json().errors[0].extensions).toEqual({
      code: 'UNAUTHENTICATED',
      reason: 'SCHEMA_INVALID_IDENTITY',
    });
    await app.close();
  });

  it('refuses GET /changes without a staff identity in the same shape', async () => {
    const app = await buildApp();
    const response = await app.inject({ url: '/changes' });
    expect(response.statusCode).toBe(401);
    expect(response.json().errors[0].extensions).toEqual({
      code: 'UNAUTHENTICATED',
      reason: 'KIT_UNAUTHENTICATED',
    });
    await app.close();
  });
});
