import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { subgraphNames } from '@huishang/schema';
import { afterEach, describe, expect, it } from 'vitest';
import { buildGatewayApp, type GatewayConfig, loadGatewayConfig } from '../src/index.js';
import { defaultLimits } from '../src/limits.js';

// The gateway over a stand-in subgraph that answers as a test tells it (never, or too
// much), to see the deadline and the response cap act; no database is involved.
const closing: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of closing.splice(0).reverse()) await close();
});

async function standIn(answer: (request: IncomingMessage, response: ServerResponse) => void) {
  const server: Server = createServer(answer);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closing.push(
    () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  );
  const { port } = server.address() as { port: number };
  return `http://127.0.0.1:${port}/graphql`;
}

async function gatewayOver(url: string, limits: Partial<GatewayConfig['limits']>) {
  const base = loadGatewayConfig({ HUISHANG_DEV: '1' });
  const app = await buildGatewayApp({
    ...base,
    nodes: ['330503'],
    anonymousRead: true,
    subgraphUrls: Object.fromEntries(subgraphNames.map((name) => [name, url])),
    limits: { ...base.limits, ...limits },
  });
  closing.push(() => app.close());
  return app;
}

const region = { query: '{ region(code: "330503") { name } }' };

describe('the deadline', () => {
  it('aborts the subgraph fetches of a request that runs past it', async () => {
    let aborted = false;
    const url = await standIn((request) => {
      // never answers; the gateway must give up and hang up
      request.on('close', () => {
        aborted = true;
      });
    });
    const app = await gatewayOver(url, { deadlineMs: 300 });
    const started = performance.now();
    const response = await app.inject({ method: 'POST', url: '/330503/graphql', payload: region });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(response.statusCode).toBe(200);
    expect(response.json().errors[0].extensions).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      reason: 'GATEWAY_DEADLINE_EXCEEDED',
      fields: { deadlineMs: 300 },
    });
    await expect.poll(() => aborted).toBe(true);
  });
});

describe('the response cap', () => {
  it('does not read a subgraph answer announced larger than the cap', async () => {
    const url = await standIn((_request, response) => {
      const body = JSON.stringify({ data: { region: { name: 'x'.repeat(200_000) } } });
      response.writeHead(200, { 'content-type': 'application/json' }).end(body);
    });
    const app = await gatewayOver(url, { responseBytes: 100_000 });
    const response = await app.inject({ method: 'POST', url: '/330503/graphql', payload: region });
    expect(response.json().errors[0].extensions).toMatchObject({
      reason: 'GATEWAY_RESPONSE_TOO_LARGE',
      fields: { maxBytes: 100_000 },
    });
  });

  it('replaces an answer larger than the cap', async () => {
    const url = await standIn((_request, response) => {
      const body = JSON.stringify({ data: { region: { name: 'x'.repeat(5_000) } } });
      response.writeHead(200, { 'content-type': 'application/json' }).end(body);
    });
    // the subgraph's answer (5,031 bytes) fits; the gateway's own (with its line end) does not
    const app = await gatewayOver(url, { responseBytes: 5_031 });
    const response = await app.inject({ method: 'POST', url: '/330503/graphql', payload: region });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].extensions.reason).toBe('GATEWAY_RESPONSE_TOO_LARGE');
  });
});

describe('outside development', () => {
  it('serves no GraphiQL and tells /ready without the topology', async () => {
    const url = await standIn((_request, response) => response.writeHead(200).end('{}'));
    const app = await gatewayOver(url, {
      graphiql: defaultLimits.graphiql,
      readyDetails: defaultLimits.readyDetails,
      introspection: defaultLimits.introspection,
    });
    expect((await app.inject('/330503/graphiql')).statusCode).toBe(404);
    const ready = await app.inject('/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready' });
    const schema = await app.inject({
      method: 'POST',
      url: '/330503/graphql',
      payload: { query: '{ __schema { queryType { name } } }' },
    });
    expect(schema.statusCode).toBe(403);
    expect(schema.json().errors[0].extensions.reason).toBe('GATEWAY_INTROSPECTION_OFF');
  });
});
