import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTokenIssuer,
  generateSigningKey,
  loadGatewayConfig,
  mintToken,
  type TokenIssuer,
  type TokenSettings,
  verifyToken,
} from '../src/index.js';
import { prepareTokenVerification } from '../src/token.js';

// Callers' keys published at a URL, as a province's identity provider serves its JWKS:
// an HTTP server of this file's own on 127.0.0.1 (plain http is accepted only there).
let server: Server;
let published: JWK[] = [];
let issuer: TokenIssuer;
let url: string;

beforeAll(async () => {
  const pair = await generateSigningKey();
  issuer = await createTokenIssuer(pair.privateJwk, 'zj-idp');
  published = [pair.publicJwk];
  server = createServer((_request, response) => {
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ keys: published }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

const settingsFor = (jwksUrl: string): TokenSettings =>
  loadGatewayConfig({
    JWT_JWKS_URL: jwksUrl,
    JWT_ISSUER: 'zj-idp',
    JWT_REVOCATIONS_FILE: '/nonexistent/revoked.json',
    HUISHANG_INTERNAL_SECRET: 'a-generated-internal-secret-of-48-bytes-000000000',
  }).jwt;

describe('callers’ keys from a JWKS URL', () => {
  it('verifies tokens signed by a published key and refuses an unknown kid', async () => {
    const { revocationsFile: _list, ...settings } = settingsFor(url);
    await prepareTokenVerification(settings);
    const token = await mintToken({ subject: 'li', region: '330503', roles: ['reader'] }, issuer);
    await expect(verifyToken(token, '330503', settings)).resolves.toMatchObject({ subject: 'li' });
    const stranger = await createTokenIssuer((await generateSigningKey()).privateJwk, 'zj-idp');
    const foreign = await mintToken(
      { subject: 'li', region: '330503', roles: ['reader'] },
      stranger,
    );
    await expect(verifyToken(foreign, '330503', settings)).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED', reason: 'GATEWAY_INVALID_TOKEN' },
    });
  });

  it('does not start when the URL cannot be fetched, or the revocation list read', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const unreachable = settingsFor(`http://127.0.0.1:${port}/jwks.json`);
    await expect(prepareTokenVerification(unreachable)).rejects.toThrow(
      /JWT_JWKS_URL: cannot fetch/,
    );
    await expect(prepareTokenVerification(settingsFor(url))).rejects.toThrow(
      /JWT_REVOCATIONS_FILE/,
    );
  });
});
