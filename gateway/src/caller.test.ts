import { beforeAll, describe, expect, it } from 'vitest';
import { anonymousIdentity, fromAddress, identifyCaller, sourceOf } from './caller.js';
import { defaultMaxAge, type TokenSettings } from './config.js';
import { createTokenIssuer, generateSigningKey, type TokenIssuer } from './signing-keys.js';
import { mintToken } from './token.js';

let issuer: TokenIssuer;
let closed: { jwt: TokenSettings; anonymousRead: boolean };
let open: { jwt: TokenSettings; anonymousRead: boolean };

beforeAll(async () => {
  const { privateJwk, publicJwk } = await generateSigningKey();
  issuer = await createTokenIssuer(privateJwk, 'huishang');
  const jwt: TokenSettings = {
    keys: { kind: 'set', set: { keys: [publicJwk] } },
    issuer: 'huishang',
    maxAge: { ...defaultMaxAge },
  };
  closed = { jwt, anonymousRead: false };
  open = { jwt, anonymousRead: true };
});

describe('identifyCaller', () => {
  it('reads a Bearer token as the caller it names', async () => {
    const token = await mintToken(
      { subject: 'wang', region: '330500', roles: ['reader'], nodes: ['330503'] },
      issuer,
    );
    await expect(identifyCaller(`Bearer ${token}`, '330503', closed)).resolves.toEqual({
      identity: { subject: 'wang', region: '330500', roles: ['reader'] },
      anonymous: false,
    });
  });

  it('makes a caller without token the anonymous public reader of the node asked', async () => {
    await expect(identifyCaller(undefined, '330503', open)).resolves.toEqual({
      identity: { subject: 'anonymous', region: '330503', roles: ['public'] },
      anonymous: true,
    });
  });

  it('refuses a caller without token when anonymous reads are off', async () => {
    await expect(identifyCaller(undefined, '330503', closed)).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED', reason: 'GATEWAY_MISSING_TOKEN' },
    });
  });

  it('refuses a bad token even when anonymous reads are on', async () => {
    await expect(identifyCaller('Bearer nonsense', '330503', open)).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED', reason: 'GATEWAY_INVALID_TOKEN' },
    });
  });

  it('refuses an Authorization header that is not a Bearer token', async () => {
    await expect(identifyCaller('Basic dXNlcjpwYXNz', '330503', open)).rejects.toThrow(
      /not "Bearer <token>"/,
    );
  });
});

describe('fromAddress', () => {
  const secret = 'a-node-internal-secret-of-32-bytes-or-more';
  const anonymous = { identity: anonymousIdentity('330382'), anonymous: true };
  const subjectOf = (address: string, node = '330382') =>
    fromAddress(anonymous, node, address, secret).identity.subject;

  it('names the anonymous public by a pseudonym of its address, the same each time', () => {
    expect(subjectOf('203.0.113.7')).toMatch(/^anonymous:[\w-]{16}$/);
    expect(subjectOf('203.0.113.7')).toBe(subjectOf('203.0.113.7'));
    expect(subjectOf('203.0.113.8')).not.toBe(subjectOf('203.0.113.7'));
    expect(subjectOf('203.0.113.7', '330381')).not.toBe(subjectOf('203.0.113.7'));
    expect(subjectOf('203.0.113.7')).not.toContain('203');
  });

  it('leaves a signed-in caller as its token names it', () => {
    const staff = {
      identity: { subject: 'wang', region: '330382', roles: ['staff' as const] },
      anonymous: false,
    };
    expect(fromAddress(staff, '330382', '203.0.113.7', secret)).toBe(staff);
  });

  it('counts an IPv6 /64 as one source, and an IPv4 address as itself', () => {
    expect(sourceOf('203.0.113.7')).toBe('203.0.113.7');
    expect(sourceOf('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(sourceOf('2001:db8:0:12::1')).toBe('2001:db8:0:12::/64');
    expect(sourceOf('2001:db8:0:12:ffff:1:2:3')).toBe('2001:db8:0:12::/64');
    expect(sourceOf('2001:db8::')).toBe('2001:db8:0:0::/64');
    expect(subjectOf('2001:db8:0:12::1')).toBe(subjectOf('2001:db8:0:12:abcd::9'));
  });
});
