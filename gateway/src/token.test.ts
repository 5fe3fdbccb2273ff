import { SignJWT, UnsecuredJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultMaxAge, type TokenSettings } from './config.js';
import {
  createTokenIssuer,
  generateSigningKey,
  type SigningKeyPair,
  type TokenIssuer,
} from './signing-keys.js';
import { mintToken, verifyToken } from './token.js';

const nanxunStaff = { subject: 'li', region: '330503', roles: ['staff' as const] };
const hour = 3600_000;

let current: SigningKeyPair;
let next: SigningKeyPair;
let issuer: TokenIssuer;
let nextIssuer: TokenIssuer;
let settings: TokenSettings;

beforeAll(async () => {
  current = await generateSigningKey('ES256');
  next = await generateSigningKey('EdDSA');
  issuer = await createTokenIssuer(current.privateJwk, 'zj-idp');
  nextIssuer = await createTokenIssuer(next.privateJwk, 'zj-idp');
  settings = {
    keys: { kind: 'set', set: { keys: [current.publicJwk] } },
    issuer: 'zj-idp',
    maxAge: { ...defaultMaxAge },
  };
});

/** Signs arbitrary claims with the current key, to build tokens mintToken would refuse to make. */
const sign = (claims: Record<string, unknown>, header: Record<string, unknown> = {}) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', kid: current.publicJwk.kid, ...header })
    .setIssuer('zj-idp')
    .setAudience('huishang:330503')
    .setExpirationTime('1h')
    .sign(issuer.key);

const reasonOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'accepted',
    (error: { extensions: { reason: string } }) => error.extensions.reason,
  );

describe('mintToken and verifyToken', () => {
  it('reads back the identity a minted token carries', async () => {
    const token = await mintToken(nanxunStaff, issuer);
    await expect(verifyToken(token, '330503', settings)).resolves.toEqual(nanxunStaff);
  });

  it('refuses a token whose kid is not in the key set, and accepts it once the key is published', async () => {
    const token = await mintToken(nanxunStaff, nextIssuer);
    await expect(verifyToken(token, '330503', settings)).rejects.toMatchObject({
      message: expect.stringContaining('key this node does not know'),
      extensions: { code: 'UNAUTHENTICATED', reason: 'GATEWAY_INVALID_TOKEN' },
    });
    const rotated: TokenSettings = {
      ...settings,
      keys: { kind: 'set', set: { keys: [current.publicJwk, next.publicJwk] } },
    };
    await expect(verifyToken(token, '330503', rotated)).resolves.toEqual(nanxunStaff);
    await expect(
      verifyToken(await mintToken(nanxunStaff, issuer), '330503', rotated),
    ).resolves.toEqual(nanxunStaff);
  });

  it('refuses a token signed with another key under a published kid', async () => {
    const forged = await mintToken(nanxunStaff, { ...nextIssuer, kid: issuer.kid, alg: 'EdDSA' });
    await expect(verifyToken(forged, '330503', settings)).rejects.toMatchObject({
      extensions: { reason: 'GATEWAY_INVALID_TOKEN' },
    });
  });

  it('refuses HS256, alg none and a token without kid', async () => {
    const hs256 = await new SignJWT({ region: '330503', roles: ['staff'], jti: 'j' })
      .setProtectedHeader({ alg: 'HS256', kid: current.publicJwk.kid })
      .setSubject('li')
      .setIssuer('zj-idp')
      .setAudience('huishang:330503')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('x'.repeat(32)));
    await expect(verifyToken(hs256, '330503', settings)).rejects.toThrow(/algorithm not accepted/);
    const none = new UnsecuredJWT({ sub: 'li', region: '330503', roles: ['admin'] })
      .setIssuer('zj-idp')
      .setAudience('huishang:330503')
      .setIssuedAt()
      .setExpirationTime('1h')
      .encode();
    expect(await reasonOf(verifyToken(none, '330503', settings))).toBe('GATEWAY_INVALID_TOKEN');
    const noKid = await sign(
      { sub: 'x', region: '330503', roles: ['reader'], iat: 1 },
      {
        kid: undefined,
      },
    );
    await expect(verifyToken(noKid, '330503', settings)).rejects.toThrow(/no key id/);
  });

  it('accepts a token only at the nodes its audience names', async () => {
    const token = await mintToken(nanxunStaff, issuer);
    await expect(verifyToken(token, '330500', settings)).rejects.toMatchObject({
      extensions: {
        code: 'UNAUTHENTICATED',
        reason: 'GATEWAY_TOKEN_WRONG_NODE',
        fields: { node: '330500' },
      },
    });
    const both = await mintToken({ ...nanxunStaff, nodes: ['330500', '330503'] }, issuer);
    await expect(verifyToken(both, '330500', settings)).resolves.toEqual(nanxunStaff);
    await expect(verifyToken(both, '330503', settings)).resolves.toEqual(nanxunStaff);
  });

  it('refuses a token of another issuer', async () => {
    const foreign = await mintToken(nanxunStaff, { ...issuer, issuer: 'js-idp' });
    await expect(verifyToken(foreign, '330503', settings)).rejects.toThrow(/claim iss rejected/);
  });

  it('refuses an expired token', async () => {
    const token = await mintToken(nanxunStaff, issuer, { expiresIn: '1h' });
    const later = new Date(Date.now() + 2 * hour);
    await expect(verifyToken(token, '330503', settings, later)).rejects.toMatchObject({
      message: expect.stringContaining('expired'),
      extensions: { reason: 'GATEWAY_TOKEN_EXPIRED' },
    });
  });

  it('refuses a token older than its roles allow, whatever its exp says', async () => {
    const issuedAt = new Date(Date.now() - 13 * hour);
    const staff = await mintToken(nanxunStaff, issuer, { issuedAt, expiresIn: '100y' });
    expect(await reasonOf(verifyToken(staff, '330503', settings))).toBe('GATEWAY_TOKEN_EXPIRED');
    const reader = await mintToken({ ...nanxunStaff, roles: ['reader'] }, issuer, {
      issuedAt,
      expiresIn: '100y',
    });
    expect(await reasonOf(verifyToken(reader, '330503', settings))).toBe('accepted');
    const admin = await mintToken({ ...nanxunStaff, roles: ['reader', 'admin'] }, issuer, {
      issuedAt: new Date(Date.now() - 2 * hour),
      expiresIn: '100y',
    });
    await expect(verifyToken(admin, '330503', settings)).rejects.toThrow(/older than its roles/);
    const tighter = { ...settings, maxAge: { ...settings.maxAge, reader: 3600 } };
    expect(await reasonOf(verifyToken(reader, '330503', tighter))).toBe('GATEWAY_TOKEN_EXPIRED');
  });

  it('refuses a token without iat, and a staff token without jti', async () => {
    const noIat = await sign({ sub: 'x', region: '330503', roles: ['reader'] });
    await expect(verifyToken(noIat, '330503', settings)).rejects.toThrow(/claim iat/);
    const noJti = await sign({ sub: 'x', region: '330503', roles: ['staff'], iat: now() });
    await expect(verifyToken(noJti, '330503', settings)).rejects.toThrow(/needs a jti/);
    const reader = await sign({ sub: 'x', region: '330503', roles: ['reader'], iat: now() });
    expect(await reasonOf(verifyToken(reader, '330503', settings))).toBe('accepted');
  });

  it('refuses garbage', async () => {
    expect(await reasonOf(verifyToken('not.a.jwt', '330503', settings))).toBe(
      'GATEWAY_INVALID_TOKEN',
    );
  });

  it('refuses a token whose region is unknown or whose roles are not ours', async () => {
    const claims = { sub: 'x', iat: now(), jti: 'j' };
    await expect(
      verifyToken(
        await sign({ ...claims, region: '339999', roles: ['staff'] }),
        '330503',
        settings,
      ),
    ).rejects.toThrow(/unknown region/);
    await expect(
      verifyToken(await sign({ ...claims, region: '330503', roles: ['root'] }), '330503', settings),
    ).rejects.toThrow(/no known roles/);
    await expect(
      verifyToken(await sign({ ...claims, region: '330503', roles: [] }), '330503', settings),
    ).rejects.toThrow(/no known roles/);
  });

  it('refuses a token without subject', async () => {
    const token = await sign({ region: '330503', roles: ['reader'], iat: now() });
    expect(await reasonOf(verifyToken(token, '330503', settings))).toBe('GATEWAY_INVALID_TOKEN');
  });

  it('does not mint for an unknown region or node, unknown roles or a malformed lifetime', async () => {
    expect(await reasonOf(mintToken({ ...nanxunStaff, region: '339999' }, issuer))).toBe(
      'SCHEMA_UNKNOWN_REGION',
    );
    expect(await reasonOf(mintToken({ ...nanxunStaff, nodes: ['339999'] }, issuer))).toBe(
      'SCHEMA_UNKNOWN_REGION',
    );
    expect(await reasonOf(mintToken({ ...nanxunStaff, roles: ['boss' as 'staff'] }, issuer))).toBe(
      'GATEWAY_INVALID_CLAIMS',
    );
    expect(await reasonOf(mintToken(nanxunStaff, issuer, { expiresIn: '12 parsecs' }))).toBe(
      'GATEWAY_INVALID_CLAIMS',
    );
  });

  it('will not verify with a key set that holds a private or secret key', async () => {
    const leaky = { ...settings, keys: { kind: 'set', set: { keys: [current.privateJwk] } } };
    expect(await reasonOf(verifyToken('a.b.c', '330503', leaky as TokenSettings))).toBe(
      'GATEWAY_INVALID_CONFIG',
    );
    const secret = { kty: 'oct', k: 'c2VjcmV0', kid: 's' };
    const shared = { ...settings, keys: { kind: 'set', set: { keys: [secret] } } };
    expect(await reasonOf(verifyToken('a.b.c', '330503', shared as TokenSettings))).toBe(
      'GATEWAY_INVALID_CONFIG',
    );
  });
});

/** Seconds since the epoch, for claims set by hand. */
function now() {
  return Math.floor(Date.now() / 1000);
}
