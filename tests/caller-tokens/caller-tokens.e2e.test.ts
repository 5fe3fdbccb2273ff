import { spawn } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  createTokenIssuer,
  generateSigningKey,
  type MintClaims,
  type MintOptions,
  mintToken,
  type TokenIssuer,
} from '@huishang/gateway';
import { type NodeHost, startNodeHost } from '@huishang/infra';
import { developmentInternalSecret } from '@huishang/subgraph-kit';
import { freePort, waitUntil } from '@huishang/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestCallers,
  startTestHost,
  type TestCallers,
  testIssuer,
} from '../support/hosts.js';

// Callers' tokens at a running node (Huzhou 330500 and Nanxun 330503 behind one gateway,
// real subgraphs on PostgreSQL), verified with the published keys of this file's own
// issuer; and processes that must refuse to start with secrets anybody knows.
const nodes = ['330500', '330503'];

let callers: TestCallers;
let host: NodeHost;

beforeAll(async () => {
  callers = await createTestCallers();
  host = await startTestHost('callers', nodes, { callers });
});

afterAll(async () => {
  await host?.close();
});

const mint = (claims: Partial<MintClaims>, options?: MintOptions, issuer?: TokenIssuer) =>
  mintToken(
    { subject: 'li', region: '330503', roles: ['staff'], ...claims },
    issuer ?? callers.issuer,
    options,
  );

/** Asks `node` for its own region's name (the members subgraph answers) with `token`. */
async function ask(node: string, token: string) {
  const response = await fetch(`${host.gatewayUrl}/${node}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: `{ region(code: "${node}") { name } }` }),
  });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) };
}

/** The refusal of `token` at `node`: a 401 whose error says why, and nothing of the token. */
async function refusal(node: string, token: string) {
  const { status, text, body } = await ask(node, token);
  expect(status).toBe(401);
  expect(text).not.toContain(token.split('.')[1]);
  expect(body.errors).toHaveLength(1);
  expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  return body.errors[0] as { message: string; extensions: Record<string, unknown> };
}

async function accepted(node: string, token: string) {
  const { status, body } = await ask(node, token);
  expect(body.errors).toBeUndefined();
  expect(status).toBe(200);
  expect(body.data.region.name).toBeTruthy();
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An HS256 token as the old gateways took, here signed with the node's own internal secret. */
function hs256Token(kid: string) {
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${base64url({ alg: 'HS256', typ: 'JWT', kid })}.${base64url({
    sub: 'li',
    region: '330503',
    roles: ['admin'],
    iss: testIssuer,
    aud: 'huishang:330503',
    iat: now,
    exp: now + 600,
    jti: randomUUID(),
  })}`;
  const signature = createHmac('sha256', developmentInternalSecret)
    .update(unsigned)
    .digest('base64url');
  return `${unsigned}.${signature}`;
}

describe('callers’ tokens at a running node', () => {
  it('answers a token for its node, signed by a published key', async () => {
    await accepted('330503', await mint({}));
  });

  it('refuses an HS256 token, even one signed with a secret the node holds', async () => {
    const error = await refusal('330503', hs256Token(callers.issuer.kid));
    expect(error.extensions.reason).toBe('GATEWAY_INVALID_TOKEN');
    expect(error.message).toMatch(/algorithm not accepted/);
  });

  it('refuses a token whose kid is not in the published set', async () => {
    const stranger = await createTokenIssuer((await generateSigningKey()).privateJwk, testIssuer);
    const error = await refusal('330503', await mint({}, {}, stranger));
    expect(error.extensions.reason).toBe('GATEWAY_INVALID_TOKEN');
    expect(error.message).toMatch(/key this node does not know/);
  });

  it('accepts a key added to the JWKS while it runs, and refuses the retired one', async () => {
    const next = await generateSigningKey('EdDSA');
    const rotated = await createTokenIssuer(next.privateJwk, testIssuer);
    const fromNext = await mint({}, {}, rotated);
    const fromCurrent = await mint({});
    const publish = (keys: object[]) => writeFile(callers.files.jwks, JSON.stringify({ keys }));
    try {
      expect((await refusal('330503', fromNext)).extensions.reason).toBe('GATEWAY_INVALID_TOKEN');
      await publish([callers.key.publicJwk, next.publicJwk]);
      await accepted('330503', fromNext);
      await accepted('330503', fromCurrent);
      await publish([next.publicJwk]);
      expect((await refusal('330503', fromCurrent)).message).toMatch(/does not know/);
      await accepted('330503', fromNext);
    } finally {
      await publish([callers.key.publicJwk]);
    }
  });

  it('accepts a token only at the nodes its audience names, per path', async () => {
    const huzhou = await mint({ region: '330500' });
    const error = await refusal('330503', huzhou);
    expect(error.extensions).toMatchObject({
      reason: 'GATEWAY_TOKEN_WRONG_NODE',
      fields: { node: '330503' },
    });
    await accepted('330500', huzhou);
    const both = await mint({ region: '330500', nodes: ['330500', '330503'] });
    await accepted('330500', both);
    await accepted('330503', both);
  });

  it('refuses tokens older than their roles allow, whatever their exp', async () => {
    const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3600_000);
    const staff = await mint({}, { issuedAt: hoursAgo(13), expiresIn: '100y' });
    expect((await refusal('330503', staff)).extensions.reason).toBe('GATEWAY_TOKEN_EXPIRED');
    const admin = await mint({ roles: ['admin'] }, { issuedAt: hoursAgo(2), expiresIn: '100y' });
    expect((await refusal('330503', admin)).extensions.reason).toBe('GATEWAY_TOKEN_EXPIRED');
    await accepted('330503', await mint({ roles: ['reader'] }, { issuedAt: hoursAgo(13) }));
  });

  it('refuses a revoked token by jti, and a subject’s earlier tokens, from the next request on', async () => {
    const jti = randomUUID();
    const revoked = await mint({ subject: 'wang' }, { jti });
    const other = await mint({ subject: 'wang' });
    const earlier = await mint(
      { subject: 'zhao', roles: ['admin'] },
      { issuedAt: new Date(Date.now() - 60_000) },
    );
    await accepted('330503', revoked);
    await accepted('330503', earlier);
    const cutOff = new Date(Date.now() - 30_000).toISOString();
    await writeFile(
      callers.files.revocations,
      JSON.stringify({ tokens: [jti], subjects: { zhao: cutOff } }),
    );
    expect((await refusal('330503', revoked)).extensions.reason).toBe('GATEWAY_TOKEN_REVOKED');
    expect((await refusal('330503', earlier)).extensions.reason).toBe('GATEWAY_TOKEN_REVOKED');
    await accepted('330503', other);
    await accepted('330503', await mint({ subject: 'zhao', roles: ['admin'] }));
  });

  it('refuses staff tokens while the revocation list is unreadable, and lets readers read', async () => {
    const staff = await mint({});
    const reader = await mint({ roles: ['reader'] });
    try {
      await writeFile(callers.files.revocations, '{ "tokens": [');
      expect((await refusal('330503', staff)).message).toMatch(/revocation cannot be checked/);
      await accepted('330503', reader);
    } finally {
      await writeFile(callers.files.revocations, JSON.stringify({ tokens: [], subjects: {} }));
    }
    await accepted('330503', staff);
  });
});

const gatewayServer = fileURLToPath(new URL('../../gateway/dist/server.js', import.meta.url));
const membersServer = fileURLToPath(
  new URL('../../subgraphs/members/dist/server.js', import.meta.url),
);

/** The example file's variables, as a deployment would load them. */
const exampleEnv = Object.fromEntries(
  readFileSync(new URL('../../infra/production/node.env.example', import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => /^[A-Z_]+=/.test(line))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
);

interface Started {
  /** Resolves with the exit code and what the process printed. */
  exited: Promise<{ code: number | null; output: string }>;
  output(): string;
  stop(): void;
}

/** `node <server>` with exactly `env` (and PATH): nothing of this process's environment leaks in. */
function start(server: string, env: Record<string, string>): Started {
  if (!existsSync(server)) throw new Error(`${server} is missing: run npm run build first`);
  const child = spawn(process.execPath, [server], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  const exited = new Promise<{ code: number | null; output: string }>((resolve) => {
    child.once('exit', (code) => resolve({ code, output }));
  });
  return { exited, output: () => output, stop: () => child.kill('SIGTERM') };
}

/** A gateway's variables that are fit, bar what `overrides` changes. */
const fitGatewayEnv = (overrides: Record<string, string>) => ({
  JWT_ISSUER: testIssuer,
  JWT_JWKS_FILE: callers.files.jwks,
  JWT_REVOCATIONS_FILE: callers.files.revocations,
  HUISHANG_INTERNAL_SECRET: 'a-generated-internal-secret-of-48-bytes-000000000',
  HUISHANG_NODES: '330503',
  ...overrides,
});

describe('processes that refuse to start', () => {
  it('a gateway and a subgraph given the example env file exit, naming the placeholder', async () => {
    for (const server of [gatewayServer, membersServer]) {
      const { code, output } = await start(server, exampleEnv).exited;
      expect(code).not.toBe(0);
      expect(output).toMatch(/HUISHANG_INTERNAL_SECRET: a published placeholder/);
    }
  });

  it('a gateway with a short internal secret exits; with a fit one it serves', async () => {
    const short = start(gatewayServer, fitGatewayEnv({ HUISHANG_INTERNAL_SECRET: 'x'.repeat(31) }));
    const { code, output } = await short.exited;
    expect(code).not.toBe(0);
    expect(output).toMatch(/shorter than 32 bytes/);
    expect(output).not.toContain('x'.repeat(31));

    const port = await freePort();
    const fit = start(gatewayServer, fitGatewayEnv({ PORT: String(port) }));
    try {
      await waitUntil(async () => (await fetch(`http://127.0.0.1:${port}/health`)).status === 200, {
        what: 'the fit gateway to serve',
        ms: 30_000,
        detail: fit.output,
      });
    } finally {
      fit.stop();
    }
    expect((await fit.exited).code).toBe(0);
  });

  it('a subgraph with a short internal secret exits', async () => {
    const { code, output } = await start(membersServer, {
      HUISHANG_REGIONS: '330503',
      HUISHANG_INTERNAL_SECRET: 'short',
    }).exited;
    expect(code).not.toBe(0);
    expect(output).toMatch(/HUISHANG_INTERNAL_SECRET: shorter than 32 bytes/);
  });

  it('NODE_ENV alone relaxes nothing: without HUISHANG_DEV=1 a gateway needs keys, issuer, list and secret', async () => {
    const { code, output } = await start(gatewayServer, {
      NODE_ENV: 'development',
      HUISHANG_NODES: '330503',
    }).exited;
    expect(code).not.toBe(0);
    expect(output).toMatch(/JWT_ISSUER: required/);
  });

  it('a gateway whose key set holds a private key exits', async () => {
    const leaky = `${callers.files.jwks}.leaky.json`;
    await writeFile(leaky, JSON.stringify({ keys: [callers.key.privateJwk] }));
    const { code, output } = await start(gatewayServer, fitGatewayEnv({ JWT_JWKS_FILE: leaky }))
      .exited;
    expect(code).not.toBe(0);
    expect(output).toMatch(/holds a secret or private key/);
  });

  it('a node host refuses a placeholder internal secret before it starts anything', async () => {
    await expect(
      startNodeHost({
        regions: ['330503'],
        databaseUrl: 'postgres://nobody@127.0.0.1:1/none',
        gatewayPort: 0,
        anonymousRead: false,
        env: { ...fitGatewayEnv({}), HUISHANG_INTERNAL_SECRET: 'change-me' },
      }),
    ).rejects.toThrow(/published placeholder/);
  });
});
