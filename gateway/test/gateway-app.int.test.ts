import { createServer } from 'node:net';
import { subgraphNames } from '@huishang/schema';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildGatewayApp,
  createTokenIssuer,
  type GatewayConfig,
  generateSigningKey,
  loadGatewayConfig,
  mintToken,
  type TokenIssuer,
} from '../src/index.js';

// The gateway alone, no subgraph running: every subgraph URL points at a port nothing
// listens on, so only what the gateway answers by itself can succeed. Callers' tokens are
// signed by this file's own issuer, whose public key is the gateway's key set.
const developmentBase = loadGatewayConfig({ HUISHANG_DEV: '1' });
let base: GatewayConfig;
let issuer: TokenIssuer;
let stranger: TokenIssuer;

/** A port that was free a moment ago and is closed now. */
const closedPort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

let multi: FastifyInstance;
let single: FastifyInstance;

beforeAll(async () => {
  const ours = await generateSigningKey();
  issuer = await createTokenIssuer(ours.privateJwk, developmentBase.jwt.issuer);
  stranger = await createTokenIssuer(
    (await generateSigningKey()).privateJwk,
    developmentBase.jwt.issuer,
  );
  base = {
    ...developmentBase,
    jwt: { ...developmentBase.jwt, keys: { kind: 'set', set: { keys: [ours.publicJwk] } } },
  };
  const url = `http://127.0.0.1:${await closedPort()}/graphql`;
  const config = (overrides: Partial<GatewayConfig>): GatewayConfig => ({
    ...base,
    subgraphUrls: Object.fromEntries(subgraphNames.map((name) => [name, url])),
    ...overrides,
  });
  multi = await buildGatewayApp(config({ nodes: ['330500', '330503'] }));
  single = await buildGatewayApp(config({ nodes: ['330503'], anonymousRead: true }));
});

afterAll(async () => {
  await multi?.close();
  await single?.close();
});

const query = (app: FastifyInstance, url: string, body: object, token?: string) =>
  app.inject({
    method: 'POST',
    url,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    payload: body,
  });

describe('the gateway without its subgraphs', () => {
  it('is alive', async () => {
    const response = await multi.inject('/health');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', nodes: ['330500', '330503'] });
  });

  it('is not ready, and names every subgraph that did not answer', async () => {
    const response = await multi.inject('/ready');
    expect(response.statusCode).toBe(503);
    const body = response.json();
    expect(body.status).toBe('subgraphs unavailable');
    expect(Object.keys(body.failed).toSorted()).toEqual([...subgraphNames].toSorted());
    expect(body.failed.members).toBe('ECONNREFUSED');
  });

  it('answers an unknown node with 404 and a GraphQL-shaped error', async () => {
    const response = await query(multi, '/330100/graphql', { query: '{ __typename }' });
    expect(response.statusCode).toBe(404);
    expect(response.json().errors[0]).toMatchObject({
      message: expect.stringContaining('330100'),
      extensions: { code: 'NOT_FOUND', reason: 'GATEWAY_UNKNOWN_NODE' },
    });
  });

  it('serves /graphql only when it serves one node', async () => {
    expect((await query(multi, '/graphql', { query: '{ __typename }' })).statusCode).toBe(404);
    const response = await query(single, '/graphql', { query: '{ __typename }' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses a request without token unless anonymous reads are on', async () => {
    const response = await query(multi, '/330503/graphql', { query: '{ __typename }' });
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(response.json().errors[0].extensions).toEqual({
      code: 'UNAUTHENTICATED',
      reason: 'GATEWAY_MISSING_TOKEN',
    });
  });

  it('refuses a bad token', async () => {
    const forged = await mintToken({ subject: 'x', region: '330503', roles: ['admin'] }, stranger);
    const response = await query(multi, '/330503/graphql', { query: '{ __typename }' }, forged);
    expect(response.statusCode).toBe(401);
    expect(response.json().errors[0].extensions).toEqual({
      code: 'UNAUTHENTICATED',
      reason: 'GATEWAY_INVALID_TOKEN',
    });
  });

  it('answers a caller with a valid token from the supergraph, introspection included', async () => {
    const token = await mintToken({ subject: 'li', region: '330503', roles: ['staff'] }, issuer);
    const response = await query(
      multi,
      '/330503/graphql',
      { query: '{ __type(name: "Proposal") { name } }' },
      token,
    );
    expect(response.json()).toEqual({ data: { __type: { name: 'Proposal' } } });
  });

  it('refuses an anonymous write before asking any subgraph', async () => {
    const response = await query(single, '/330503/graphql', {
      query:
        'mutation { createMember(input: { region: "330503", name: "唐明", sector: "经济界", party: CPC, term: 10 }) { id } }',
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().errors[0].extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'GATEWAY_ANONYMOUS_WRITE',
    });
  });

  it('answers a query for an unreachable subgraph with a GraphQL error', async () => {
    const response = await query(single, '/330503/graphql', {
      query: '{ region(code: "330503") { name } }',
    });
    expect(response.json()).toEqual({
      data: { region: null },
      errors: [
        {
          message: '子服务 members 暂不可用 / subgraph members is unavailable (ECONNREFUSED)',
          extensions: {
            code: 'INTERNAL_SERVER_ERROR',
            reason: 'GATEWAY_SUBGRAPH_UNAVAILABLE',
            fields: { subgraph: 'members' },
          },
        },
      ],
    });
  });
});

describe('GraphiQL', () => {
  it('serves a page per node that loads only local assets', async () => {
    const response = await multi.inject('/330503/graphiql');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).not.toMatch(/https?:\/\//);
    expect(response.body).toContain('"endpoint":"../330503/graphql"');
    expect(response.body).toContain('南浔区');
  });

  it('serves /graphiql for a single node and 404 for an unknown one', async () => {
    const page = await single.inject('/graphiql');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('"endpoint":"./330503/graphql"');
    expect((await multi.inject('/330100/graphiql')).statusCode).toBe(404);
  });

  it.each([
    ['graphiql.min.js', /javascript/],
    ['graphiql.min.css', /text\/css/],
    ['react.production.min.js', /javascript/],
    ['react-dom.production.min.js', /javascript/],
  ])('serves the asset %s', async (file, type) => {
    const response = await multi.inject(`/assets/${file}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(type);
    expect(response.body.length).toBeGreaterThan(1000);
  });

  it('serves nothing else from those package folders', async () => {
    expect((await multi.inject('/assets/package.json')).statusCode).toBe(404);
    expect((await multi.inject('/assets/..%2Fpackage.json')).statusCode).toBe(404);
  });

  it('lists the nodes on the front page', async () => {
    const response = await multi.inject('/');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('330500 湖州市');
    expect(response.body).toContain('href="330503/graphiql"');
  });
});
