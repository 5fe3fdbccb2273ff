import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { mintToken, verifyToken } from './token.js';

const jwt = { secret: 'test-secret', issuer: 'huishang', audience: 'huishang' };
const nanxunStaff = { subject: 'li', region: '330503', roles: ['staff' as const] };

/** Signs arbitrary claims, to build tokens mintToken would refuse to make. */
const sign = (claims: Record<string, unknown>, secret = jwt.secret) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(jwt.issuer)
    .setAudience(jwt.audience)
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(secret));

const reasonOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'accepted',
    (error: { extensions: { reason: string } }) => error.extensions.reason,
  );

describe('mintToken and verifyToken', () => {
  it('reads back the identity a minted token carries', async () => {
    const token = await mintToken(nanxunStaff, jwt);
    await expect(verifyToken(token, jwt)).resolves.toEqual(nanxunStaff);
  });

  it('refuses a token signed with another secret', async () => {
    const token = await mintToken(nanxunStaff, { ...jwt, secret: 'other' });
    await expect(verifyToken(token, jwt)).rejects.toMatchObject({
      message: expect.stringContaining('bad signature'),
      extensions: { code: 'UNAUTHENTICATED', reason: 'GATEWAY_INVALID_TOKEN' },
    });
  });

  it('refuses a token for another audience or issuer', async () => {
    const token = await mintToken(nanxunStaff, { ...jwt, audience: 'elsewhere' });
    expect(await reasonOf(verifyToken(token, jwt))).toBe('GATEWAY_INVALID_TOKEN');
    const foreign = await mintToken(nanxunStaff, { ...jwt, issuer: 'elsewhere' });
    expect(await reasonOf(verifyToken(foreign, jwt))).toBe('GATEWAY_INVALID_TOKEN');
  });

  it('refuses an expired token', async () => {
    const token = await mintToken(nanxunStaff, jwt, '1h');
    const later = new Date(Date.now() + 2 * 3600_000);
    await expect(verifyToken(token, jwt, later)).rejects.toThrow(/expired/);
  });

  it('refuses garbage', async () => {
    expect(await reasonOf(verifyToken('not.a.jwt', jwt))).toBe('GATEWAY_INVALID_TOKEN');
  });

  it('refuses a token whose region is unknown or whose roles are not ours', async () => {
    await expect(
      verifyToken(await sign({ sub: 'x', region: '339999', roles: ['staff'] }), jwt),
    ).rejects.toThrow(/unknown region 339999/);
    await expect(
      verifyToken(await sign({ sub: 'x', region: '330503', roles: ['root'] }), jwt),
    ).rejects.toThrow(/no known roles/);
    await expect(
      verifyToken(await sign({ sub: 'x', region: '330503', roles: [] }), jwt),
    ).rejects.toThrow(/no known roles/);
  });

  it('refuses a token without subject', async () => {
    const token = await sign({ region: '330503', roles: ['staff'] });
    expect(await reasonOf(verifyToken(token, jwt))).toBe('GATEWAY_INVALID_TOKEN');
  });

  it('does not mint for an unknown region, unknown roles or a malformed lifetime', async () => {
    expect(await reasonOf(mintToken({ ...nanxunStaff, region: '339999' }, jwt))).toBe(
      'SCHEMA_UNKNOWN_REGION',
    );
    expect(await reasonOf(mintToken({ ...nanxunStaff, roles: ['boss' as 'staff'] }, jwt))).toBe(
      'GATEWAY_INVALID_CLAIMS',
    );
    expect(await reasonOf(mintToken(nanxunStaff, jwt, '12 parsecs'))).toBe(
      'GATEWAY_INVALID_CLAIMS',
    );
  });
});
