import { createServer, type IncomingMessage, type Server } from 'node:http';
import {
  callerScopeHeader,
  identityHeader,
  type Role,
  regionRolesScope,
  subgraphNames,
  verifyForwardedIdentity,
} from '@huishang/schema';
import { afterEach, describe, expect, it } from 'vitest';
import {
  buildGatewayApp,
  developmentTokenIssuer,
  loadGatewayConfig,
  mintToken,
} from '../src/index.js';

// The gateway over a stand-in subgraph that answers slowly (so that requests overlap),
// with the subject it was asked for, and says or not that the answer is the same for
// every caller of a node, region and roles. What each caller receives, and how often the
// subgraph was asked, show what the gateway shared.
const config = loadGatewayConfig({ HUISHANG_DEV: '1' });
const closing: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of closing.splice(0).reverse()) await close();
});

const readBody = async (request: IncomingMessage) => {
  let body = '';
  for await (const chunk of request) body += chunk;
  return JSON.parse(body) as { query: string };
};

/** Subjects the stand-in was asked for, in order; `forScope`: whether its answers say so. */
async function gatewayOverStandIn(forScope: boolean) {
  const asked: string[] = [];
  const server: Server = createServer(async (request, response) => {
    // no change feed: nothing is kept in the answer cache
    if (request.method === 'GET') return response.writeHead(404).end();
    const { query } = await readBody(request);
    const identity = await verifyForwardedIdentity(
      String(request.headers[identityHeader]),
      config.internalSecret,
    );
    asked.push(identity.subject);
    const write = query.includes('remindProposal');
    await new Promise((resolve) => setTimeout(resolve, write ? 50 : 400));
    const data = write ? { remindProposal: null } : { region: { name: identity.subject } };
    response.writeHead(200, {
      'content-type': 'application/json',
      ...(forScope && { [callerScopeHeader]: regionRolesScope }),
    });
    response.end(JSON.stringify({ data }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closing.push(
    () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  );
  const { port } = server.address() as { port: number };
  const url = `http://127.0.0.1:${port}/graphql`;
  const app = await buildGatewayApp({
    ...config,
    nodes: ['330503'],
    subgraphUrls: Object.fromEntries(subgraphNames.map((name) => [name, url])),
  });
  closing.push(() => app.close());
  const issuer = await developmentTokenIssuer();
  const ask = async (subject: string, query: string, roles: Role[] = ['staff']) => {
    const token = await mintToken({ subject, region: '330503', roles }, issuer);
    const response = await app.inject({
      method: 'POST',
      url: '/330503/graphql',
      headers: { authorization: `Bearer ${token}` },
      payload: { query },
    });
    return response.json() as { data?: { region?: { name: string } }; errors?: unknown[] };
  };
  return { asked, ask };
}

const read = '{ region(code: "330503") { name } }';
const nameOf = (answer: { data?: { region?: { name: string } } }) => answer.data?.region?.name;

describe('identical requests in flight', () => {
  it('are executed once for one caller', async () => {
    const { asked, ask } = await gatewayOverStandIn(false);
    const answers = await Promise.all([ask('李明', read), ask('李明', read), ask('李明', read)]);
    expect(answers.map(nameOf)).toEqual(['李明', '李明', '李明']);
    expect(asked).toEqual(['李明']);
  });

  it('are never shared between callers when the subgraph read who asked', async () => {
    const { asked, ask } = await gatewayOverStandIn(false);
    const answers = await Promise.all([ask('李明', read), ask('王芳', read), ask('陈刚', read)]);
    expect(answers.map(nameOf)).toEqual(['李明', '王芳', '陈刚']);
    expect(asked.toSorted()).toEqual(['李明', '王芳', '陈刚'].toSorted());
  });

  it('are shared between callers of one region and roles when the answer did not depend on who asked', async () => {
    const { asked, ask } = await gatewayOverStandIn(true);
    const [first, second, admin] = await Promise.all([
      ask('李明', read),
      ask('王芳', read),
      ask('陈刚', read, ['admin']),
    ]);
    // the stand-in names its caller; a shared answer names the first one asked for
    expect(nameOf(second)).toBe(nameOf(first));
    expect(nameOf(admin)).toBe('陈刚');
    expect(asked).toHaveLength(2);
  });

  it('are not joined by a read after the same caller wrote', async () => {
    const { asked, ask } = await gatewayOverStandIn(false);
    const before = ask('李明', read);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await ask('李明', 'mutation { remindProposal(id: "p", note: "请尽快答复") { id } }');
    // the read before is still in flight
    const after = await ask('李明', read);
    expect(nameOf(await before)).toBe('李明');
    expect(nameOf(after)).toBe('李明');
    expect(asked).toEqual(['李明', '李明', '李明']);
  });
});
