import { buildSubgraphApp, createPool } from '@huishang/subgraph-kit';
import {
  createTestDatabase,
  identityHeaders,
  type TestDatabase,
} from '@huishang/subgraph-kit/testing';
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { membersSubgraph } from '../src/index.js';

let database: TestDatabase;
let pool: pg.Pool;
let app: FastifyInstance;
const statements: string[] = [];

async function gql(
  query: string,
  variables: Record<string, unknown> = {},
  caller = { region: '330503' },
) {
  const response = await app.inject({
    method: 'POST',
    url: '/graphql',
    headers: await identityHeaders(caller),
    payload: { query, variables },
  });
  return response.json();
}

const create = `mutation($input: CreateMemberInput!) { createMember(input: $input) { id name sector party roles version region { code } } }`;

beforeAll(async () => {
  database = await createTestDatabase('members');
  pool = createPool(database.url, 4);
  // Count every SQL statement the subgraph sends, at the driver.
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: unknown }).query = (...args: unknown[]) => {
      const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string })?.text;
      if (text) statements.push(text);
      return query(...args);
    };
  });
  app = await buildSubgraphApp(
    membersSubgraph,
    {
      host: '127.0.0.1',
      port: 0,
      databaseUrl: database.url,
      internalSecret: 'huishang-development-internal-secret',
      hosting: { mode: 'multi', regions: ['330503', '330500'] },
      poolSize: 4,
    },
    { pool },
  );
});

afterAll(async () => {
  await app?.close();
  await pool?.end();
  await database?.drop();
});

describe('members subgraph', () => {
  it('adds a member to its own committee and lists it', async () => {
    const created = await gql(create, {
      input: {
        region: '330503',
        name: '沈丽华',
        sector: '农业界',
        party: 'CDL',
        term: 12,
        roles: ['STANDING_MEMBER'],
      },
    });
    expect(created.errors).toBeUndefined();
    expect(created.data.createMember).toMatchObject({
      name: '沈丽华',
      party: 'CDL',
      roles: ['MEMBER', 'STANDING_MEMBER'],
      version: 1,
      region: { code: '330503' },
    });
    const listed = await gql(
      `{ members(region: "330503", first: 5) { totalCount edges { node { name } } } }`,
    );
    expect(listed.data.members.totalCount).toBe(1);
  });

  it('refuses a write to another region and writes nothing', async () => {
    const refused = await gql(create, {
      input: { region: '330500', name: '王建国', sector: '经济界', party: 'CPC', term: 9 },
    });
    expect(refused.errors[0].extensions.code).toBe('FORBIDDEN');
    const listed = await gql(
      `{ members(region: "330500") { totalCount } }`,
      {},
      { region: '330500' },
    );
    expect(listed.data.members.totalCount).toBe(0);
  });

  it('answers an unknown region code with BAD_USER_INPUT', async () => {
    const result = await gql(`{ region(code: "339999") { name } }`);
    expect(result.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(result.data?.region ?? null).toBeNull();
  });

  it('resolves a batch of member references with one database query', async () => {
    const ids: string[] = [];
    for (const name of ['钱志明', '孙晓燕', '李伟', '周敏']) {
      const created = await gql(create, {
        input: { region: '330503', name, sector: '经济界', party: 'CNDCA', term: 12 },
      });
      ids.push(created.data.createMember.id);
    }
    statements.length = 0;
    const result = await gql(
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Member { id name } } }`,
      { reps: ids.map((id) => ({ __typename: 'Member', id })) },
    );
    expect(result.data._entities.map((m: { name: string }) => m.name)).toEqual([
      '钱志明',
      '孙晓燕',
      '李伟',
      '周敏',
    ]);
    expect(statements.filter((s) => /select/i.test(s))).toHaveLength(1);
  });
});
