import { supergraphPath } from '@huishang/schema';
import { describe, expect, it } from 'vitest';
import { developmentInternalSecret, loadGatewayConfig } from './config.js';

describe('loadGatewayConfig', () => {
  it('defaults to a development node with the checked-in supergraph', () => {
    expect(loadGatewayConfig({})).toEqual({
      host: '127.0.0.1',
      port: 4000,
      supergraphPath,
      subgraphUrls: {},
      nodes: ['330000'],
      jwt: { secret: expect.any(String), issuer: 'huishang', audience: 'huishang' },
      internalSecret: developmentInternalSecret,
      anonymousRead: false,
    });
  });

  it('shares its development internal secret with the subgraph kit', () => {
    expect(developmentInternalSecret).toBe('huishang-development-internal-secret');
  });

  it('reads nodes, ports, subgraph URLs, JWT settings and anonymous reads', () => {
    const config = loadGatewayConfig({
      HUISHANG_NODES: '330000, 330500,330503',
      PORT: '4100',
      HOST: '0.0.0.0',
      SUPERGRAPH_PATH: '/tmp/supergraph.graphql',
      SUBGRAPH_URL_MEMBERS: 'http://members:4001/graphql',
      SUBGRAPH_URL_JOINT_SESSIONS: 'http://joint:4004/graphql',
      JWT_SECRET: 's',
      JWT_ISSUER: 'zj-idp',
      JWT_AUDIENCE: 'cppcc',
      HUISHANG_INTERNAL_SECRET: 'i',
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
      jwt: { secret: 's', issuer: 'zj-idp', audience: 'cppcc' },
      internalSecret: 'i',
      anonymousRead: true,
    });
  });

  it('serves the regions the subgraphs host when no nodes are named', () => {
    expect(loadGatewayConfig({ HUISHANG_REGIONS: '330503' }).nodes).toEqual(['330503']);
  });

  it('requires both secrets in production', () => {
    expect(() =>
      loadGatewayConfig({ NODE_ENV: 'production', HUISHANG_INTERNAL_SECRET: 'i' }),
    ).toThrow(/JWT_SECRET: required in production/);
    expect(() => loadGatewayConfig({ NODE_ENV: 'production', JWT_SECRET: 's' })).toThrow(
      /HUISHANG_INTERNAL_SECRET: required in production/,
    );
  });

  it('refuses a node that is no committee region, a bad port and a bad URL', () => {
    expect(() => loadGatewayConfig({ HUISHANG_NODES: '339999' })).toThrow(/339999/);
    expect(() => loadGatewayConfig({ HUISHANG_NODES: ' , ' })).toThrow(/names no region/);
    expect(() => loadGatewayConfig({ PORT: 'http' })).toThrow(/PORT: not a port number/);
    expect(() => loadGatewayConfig({ SUBGRAPH_URL_PROPOSALS: 'proposals:4002' })).toThrow(
      /SUBGRAPH_URL_PROPOSALS: not an http\(s\) URL/,
    );
  });
});
