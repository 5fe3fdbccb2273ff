import { supergraphPath } from '@huishang/schema';
import { describe, expect, it } from 'vitest';
import {
  defaultMaxAge,
  developmentInternalSecret,
  loadGatewayConfig,
  loadMintConfig,
  parsePeriod,
} from './config.js';

/** A development node's switch, for cases about other settings than secrets. */
const dev = { HUISHANG_DEV: '1' };
/** What a production gateway must be given about callers' tokens and its subgraphs. */
const production = {
  NODE_ENV: 'production',
  JWT_JWKS_FILE: '/etc/huishang/callers.jwks.json',
  JWT_ISSUER: 'https://idp.zj.example/',
  JWT_REVOCATIONS_FILE: '/etc/huishang/revoked.json',
  HUISHANG_INTERNAL_SECRET: 'a-generated-secret-of-32-bytes-or-more',
};

describe('loadGatewayConfig', () => {
  it('defaults to a development node with the checked-in supergraph', () => {
    // limits are limits.ts's to read and test
    const { limits: _limits, ...config } = loadGatewayConfig(dev);
    expect(config).toEqual({
      host: '127.0.0.1',
      port: 4000,
      supergraphPath,
      subgraphUrls: {},
      nodes: ['330000'],
      jwt: { keys: { kind: 'development' }, issuer: 'huishang-development', maxAge: defaultMaxAge },
      internalSecret: developmentInternalSecret,
      anonymousRead: false,
    });
  });

  it('shares its development internal secret with the subgraph kit', () => {
    expect(developmentInternalSecret).toBe('huishang-development-internal-secret');
  });

  it('reads nodes, ports, subgraph URLs, token settings and anonymous reads', () => {
    const { limits: _limits, ...config } = loadGatewayConfig({
      HUISHANG_NODES: '330000, 330500,330503',
      PORT: '4100',
      HOST: '0.0.0.0',
      SUPERGRAPH_PATH: '/tmp/supergraph.graphql',
      SUBGRAPH_URL_MEMBERS: 'http://members:4001/graphql',
      SUBGRAPH_URL_JOINT_SESSIONS: 'http://joint:4004/graphql',
      JWT_JWKS_URL: 'https://idp.zj.example/jwks.json',
      JWT_ISSUER: 'zj-idp',
      JWT_MAX_AGE: 'staff=8h, admin=30m',
      JWT_REVOCATIONS_FILE: '/etc/huishang/revoked.json',
      HUISHANG_INTERNAL_SECRET: 'i'.repeat(32),
      HUISHANG_ANONYMOUS_READ: '1',
    });
    expect(config).toEqual({
      host: '0.0.0.0',
      port: 4100,
      supergraphPath: '/tmp/supergraph.graphql',
      subgraphUrls: {
        members: 'http://members:4001/graphql',
        'joint-sessions': 'http://joint:4004/graphql',
      },
      nodes: ['330000', '330500', '330503'],
      jwt: {
        keys: { kind: 'url', url: 'https://idp.zj.example/jwks.json' },
        issuer: 'zj-idp',
        maxAge: { ...defaultMaxAge, staff: 8 * 3600, admin: 1800 },
        revocationsFile: '/etc/huishang/revoked.json',
      },
      internalSecret: 'i'.repeat(32),
      anonymousRead: true,
    });
  });

  it('serves the regions the subgraphs host when no nodes are named', () => {
    expect(loadGatewayConfig({ ...dev, HUISHANG_REGIONS: '330503' }).nodes).toEqual(['330503']);
  });

  it('requires keys, issuer, revocation list and a fit internal secret without HUISHANG_DEV=1', () => {
    expect(loadGatewayConfig(production).jwt.keys).toEqual({
      kind: 'file',
      path: '/etc/huishang/callers.jwks.json',
    });
    for (const variable of [
      'JWT_JWKS_FILE',
      'JWT_ISSUER',
      'JWT_REVOCATIONS_FILE',
      'HUISHANG_INTERNAL_SECRET',
    ] as const) {
      const { [variable]: _left, ...missing } = production;
      expect(() => loadGatewayConfig(missing)).toThrow(new RegExp(`${variable}: required`));
      // NODE_ENV does not matter: only the development switch relaxes the rules
      const { NODE_ENV: _env, ...unset } = missing;
      expect(() => loadGatewayConfig(unset)).toThrow(new RegExp(`${variable}: required`));
    }
    expect(() =>
      loadGatewayConfig({ ...production, HUISHANG_INTERNAL_SECRET: 'change-me' }),
    ).toThrow(/HUISHANG_INTERNAL_SECRET: .*published placeholder/);
    expect(() =>
      loadGatewayConfig({ ...production, HUISHANG_INTERNAL_SECRET: 'x'.repeat(31) }),
    ).toThrow(/shorter than 32 bytes/);
    expect(() => loadGatewayConfig({ ...production, HUISHANG_DEV: '1' })).toThrow(
      /NODE_ENV=production/,
    );
  });

  it('refuses an HS256 secret, a plain-http key URL and a malformed maximum age', () => {
    expect(() => loadGatewayConfig({ ...production, JWT_SECRET: 's'.repeat(40) })).toThrow(
      /JWT_SECRET: no longer read/,
    );
    const { JWT_JWKS_FILE: _file, ...byUrl } = production;
    expect(() => loadGatewayConfig({ ...byUrl, JWT_JWKS_URL: 'http://idp.example/jwks' })).toThrow(
      /JWT_JWKS_URL: not an https URL/,
    );
    expect(
      loadGatewayConfig({ ...byUrl, JWT_JWKS_URL: 'http://127.0.0.1:9/jwks' }).jwt.keys,
    ).toEqual({ kind: 'url', url: 'http://127.0.0.1:9/jwks' });
    expect(() => loadGatewayConfig({ ...production, JWT_MAX_AGE: 'boss=1h' })).toThrow(
      /JWT_MAX_AGE/,
    );
    expect(() => loadGatewayConfig({ ...production, JWT_MAX_AGE: 'admin=soon' })).toThrow(
      /JWT_MAX_AGE/,
    );
  });

  it('reads periods in seconds, minutes, hours and days', () => {
    expect([parsePeriod('90s'), parsePeriod('30m'), parsePeriod('12h'), parsePeriod('7d')]).toEqual(
      [90, 1800, 43_200, 604_800],
    );
    expect(parsePeriod('0h')).toBeUndefined();
    expect(parsePeriod('1y')).toBeUndefined();
  });

  it('gives the minting command a key file, or the development key only with HUISHANG_DEV=1', () => {
    expect(loadMintConfig(dev)).toEqual({
      issuer: 'huishang-development',
      signingKey: { kind: 'development' },
    });
    expect(loadMintConfig({ JWT_ISSUER: 'zj', JWT_SIGNING_KEY_FILE: '/k.json' })).toEqual({
      issuer: 'zj',
      signingKey: { kind: 'file', path: '/k.json' },
    });
    expect(() => loadMintConfig({ JWT_ISSUER: 'zj' })).toThrow(/JWT_SIGNING_KEY_FILE: required/);
  });

  it('refuses a node that is no committee region, a bad port and a bad URL', () => {
    expect(() => loadGatewayConfig({ ...dev, HUISHANG_NODES: '339999' })).toThrow(/339999/);
    expect(() => loadGatewayConfig({ ...dev, HUISHANG_NODES: ' , ' })).toThrow(/names no region/);
    expect(() => loadGatewayConfig({ ...dev, PORT: 'http' })).toThrow(/PORT: not a port number/);
    expect(() => loadGatewayConfig({ ...dev, SUBGRAPH_URL_PROPOSALS: 'proposals:4002' })).toThrow(
      /SUBGRAPH_URL_PROPOSALS: not an http\(s\) URL/,
    );
  });
});
