import { readFileSync } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { HuishangError, supergraphPath } from '@huishang/schema';
import { type GraphQLSchema, parse } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultLimits } from './limits.js';
import {
  admitOperation,
  asksIntrospection,
  DocumentVerdicts,
  findControlCharacter,
  type GateOptions,
  hasControlCharacter,
  readGraphqlParams,
} from './request-gate.js';

let schema: GraphQLSchema;
beforeAll(async () => {
  // the checked-in supergraph's API schema, loaded without asking any subgraph
  const gateway = new ApolloGateway({ supergraphSdl: readFileSync(supergraphPath, 'utf8') });
  schema = (await gateway.load()).schema;
  await gateway.stop();
});

const anonymous = (): GateOptions => ({
  schema,
  budget: defaultLimits.anonymous,
  introspection: false,
});
const signedIn = (): GateOptions => ({
  schema,
  budget: defaultLimits.signedIn,
  introspection: true,
});

/** The reason (`extensions.reason`) a request is refused with, or 'admitted'. */
function verdict(params: unknown, options: GateOptions): string {
  try {
    admitOperation(readGraphqlParams(params, defaultLimits), options);
    return 'admitted';
  } catch (error) {
    if (error instanceof HuishangError) return error.code;
    throw error;
  }
}

// Proposal.proposer → Member.proposals, three pages of 100 deep: 10⁶ proposals asked for
const fanOut = `query FanOut { proposals(region: "330503", first: 100) { edges { node { id
  proposer { proposals(first: 100) { edges { node { id
    proposer { proposals(first: 100) { edges { node { id title } } } } } } } } } } } }`;

const aliases = (n: number) =>
  `{ ${Array.from({ length: n }, (_, i) => `r${i}: region(code: "330503") { name }`).join(' ')} }`;

describe('control characters', () => {
  it('finds NUL and C0 controls but lets tabs and line breaks pass', () => {
    expect(hasControlCharacter('a\u0000b')).toBe(true);
    expect(hasControlCharacter('\u001b[31m')).toBe(true);
    expect(hasControlCharacter('\u007f')).toBe(true);
    expect(hasControlCharacter('第一行\r\n\t第二行')).toBe(false);
  });

  it('names where in the variables one sits, keys included', () => {
    expect(findControlCharacter({ input: { title: 'ok', tags: ['x', 'y\u0000'] } })).toBe(
      'variables.input.tags[1]',
    );
    expect(findControlCharacter({ 'k\u0001': 1 })).toBe('variables.k\u0001');
    expect(findControlCharacter({ a: [1, true, null, { b: 'fine' }] })).toBeUndefined();
  });

  it('walks a deeply nested value without overflowing the stack', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findControlCharacter({ deep })).toMatch(/^variables\.deep\[0\]/);
  });
});

describe('request parameters', () => {
  it('refuses batches, missing queries and odd operation names', () => {
    const refusal = (input: unknown) => {
      try {
        readGraphqlParams(input, defaultLimits);
        return 'read';
      } catch (error) {
        return (error as HuishangError).code;
      }
    };
    expect(refusal([{ query: '{ __typename }' }])).toBe('GATEWAY_BAD_REQUEST');
    expect(refusal('{ __typename }')).toBe('GATEWAY_BAD_REQUEST');
    expect(refusal({ query: '' })).toBe('GATEWAY_BAD_REQUEST');
    expect(refusal({ query: '{ a }', operationName: 'x'.repeat(900_000) })).toBe(
      'GATEWAY_BAD_REQUEST',
    );
    expect(refusal({ query: '{ a }', operationName: 'not a name' })).toBe('GATEWAY_BAD_REQUEST');
    expect(refusal({ query: '{ a }', variables: '{not json' })).toBe('GATEWAY_BAD_REQUEST');
    expect(refusal({ query: '{ a }', variables: [1] })).toBe('GATEWAY_BAD_REQUEST');
    expect(refusal({ query: '{ a }', variables: '{"a":1}', operationName: null })).toBe('read');
  });

  it('never quotes a long operation name back', () => {
    try {
      readGraphqlParams({ query: '{ a }', operationName: 'x'.repeat(10_000) }, defaultLimits);
    } catch (error) {
      expect((error as Error).message.length).toBeLessThan(200);
    }
  });
});

describe('admitting an operation', () => {
  it('admits an ordinary query and a public mutation', () => {
    expect(verdict({ query: '{ region(code: "330503") { name } }' }, anonymous())).toBe('admitted');
    const topic = `mutation($input: PublicTopicInput!) { submitPublicTopic(input: $input) { id } }`;
    expect(
      verdict(
        { query: topic, variables: { input: { region: '330503', title: '停车难' } } },
        anonymous(),
      ),
    ).toBe('admitted');
  });

  it('refuses an operation it cannot choose, and subscriptions', () => {
    const two = 'query A { __typename } query B { __typename }';
    expect(verdict({ query: two }, anonymous())).toBe('GATEWAY_BAD_REQUEST');
    expect(verdict({ query: two, operationName: 'C' }, anonymous())).toBe('GATEWAY_BAD_REQUEST');
    expect(verdict({ query: two, operationName: 'B' }, anonymous())).toBe('admitted');
    expect(verdict({ query: 'subscription { x }' }, anonymous())).toBe('GATEWAY_BAD_REQUEST');
    expect(verdict({ query: '{ region(code: ' }, anonymous())).toBe('GATEWAY_BAD_REQUEST');
  });

  it('refuses NUL in a literal argument and in a variable', () => {
    expect(verdict({ query: '{ region(code: "33\\u0000") { name } }' }, anonymous())).toBe(
      'GATEWAY_CONTROL_CHARACTER',
    );
    const query = 'query($c: ID!) { region(code: $c) { name } }';
    expect(verdict({ query, variables: { c: '33\u0000' } }, anonymous())).toBe(
      'GATEWAY_CONTROL_CHARACTER',
    );
  });

  it('refuses the fan-out over proposals and their proposers, for anyone', () => {
    expect(verdict({ query: fanOut }, signedIn())).toBe('GATEWAY_TOO_MANY_NODES');
    // anonymous callers meet their depth limit first
    expect(verdict({ query: fanOut }, anonymous())).toBe('GATEWAY_TOO_DEEP');
  });

  it('counts a page size given in a variable', () => {
    const query = `query($n: Int) { proposals(region: "330503", first: $n) { edges { node {
      proposer { proposals(first: $n) { edges { node { proposer { proposals(first: $n) {
      totalCount } } } } } } } } } }`;
    expect(verdict({ query, variables: { n: 5 } }, signedIn())).toBe('admitted');
    expect(verdict({ query, variables: { n: 100 } }, signedIn())).toBe('GATEWAY_TOO_MANY_NODES');
    expect(verdict({ query, variables: { n: 'many' } }, signedIn())).toBe('GATEWAY_BAD_REQUEST');
  });

  it('refuses 20,000 aliases of region(code:) by its tokens, and many aliases by count', () => {
    const started = performance.now();
    expect(verdict({ query: aliases(20_000) }, anonymous())).toBe('GATEWAY_TOO_MANY_TOKENS');
    expect(verdict({ query: aliases(20_000) }, signedIn())).toBe('GATEWAY_TOO_MANY_TOKENS');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(verdict({ query: aliases(50) }, anonymous())).toBe('GATEWAY_TOO_MANY_ALIASES');
    expect(verdict({ query: aliases(50) }, signedIn())).toBe('admitted');
  });

  it('refuses depth beyond the budget and too many directives', () => {
    const deep = `{ proposals(region: "330503", first: 1) { edges { node { proposer { proposals(first: 1) {
      edges { node { proposer { proposals(first: 1) { edges { node { id } } } } } } } } } } } }`;
    expect(verdict({ query: deep }, anonymous())).toBe('GATEWAY_TOO_DEEP');
    const directives = `{ __typename ${'@include(if: true) '.repeat(11)} }`;
    expect(verdict({ query: directives }, anonymous())).toBe('GATEWAY_TOO_MANY_DIRECTIVES');
  });

  it('refuses introspection unless the caller may ask for it', () => {
    const query = '{ __schema { types { name } } }';
    expect(asksIntrospection(parse(query))).toBe(true);
    expect(verdict({ query }, anonymous())).toBe('GATEWAY_INTROSPECTION_OFF');
    expect(verdict({ query: '{ __type(name: "Region") { name } }' }, anonymous())).toBe(
      'GATEWAY_INTROSPECTION_OFF',
    );
    expect(verdict({ query }, signedIn())).toBe('admitted');
    expect(verdict({ query: '{ __typename }' }, anonymous())).toBe('admitted');
  });
});

describe('documents the estimate cannot walk', () => {
  it('are refused as bad requests, not crashes', () => {
    const refused = (query: string) => verdict({ query }, signedIn());
    expect(
      refused('query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }'),
    ).toBe('GATEWAY_BAD_REQUEST');
    expect(refused('{ ...Missing }')).toBe('GATEWAY_BAD_REQUEST');
    expect(refused('{ nope { deeper } }')).toBe('admitted'); // Apollo's validation names it
    expect(refused('{ ... on Nope { x } }')).toBe('admitted');
    expect(refused('type Query { a: Int } { __typename }')).toBe('GATEWAY_BAD_REQUEST');
  });
});

describe('verdicts on documents already seen', () => {
  it('keeps the parsed document and the refusal, and forgets the oldest', () => {
    const verdicts = new DocumentVerdicts(2);
    const options = { ...anonymous(), verdicts };
    const query = '{ region(code: "330503") { name } }';
    const first = admitOperation(readGraphqlParams({ query }, defaultLimits), options);
    const again = admitOperation(readGraphqlParams({ query }, defaultLimits), options);
    expect(again.document).toBe(first.document);
    const refusals = [0, 1].map(() => verdict({ query: aliases(50) }, options));
    expect(refusals).toEqual(['GATEWAY_TOO_MANY_ALIASES', 'GATEWAY_TOO_MANY_ALIASES']);
    admitOperation(readGraphqlParams({ query: '{ __typename }' }, defaultLimits), options);
    const evicted = admitOperation(readGraphqlParams({ query }, defaultLimits), options);
    expect(evicted.document).not.toBe(first.document);
  });

  it('still checks variables and the operation chosen on every request', () => {
    const options = { ...signedIn(), verdicts: new DocumentVerdicts() };
    const query = `query Few($n: Int) { proposals(region: "330503", first: $n) { edges { node {
      proposer { proposals(first: $n) { edges { node { proposer { proposals(first: $n) {
      totalCount } } } } } } } } } } query Other { __typename }`;
    const ask = (variables: object, operationName = 'Few') =>
      verdict({ query, variables, operationName }, options);
    expect(ask({ n: 5 })).toBe('admitted');
    expect(ask({ n: 100 })).toBe('GATEWAY_TOO_MANY_NODES');
    expect(ask({ n: '5\u0000' })).toBe('GATEWAY_CONTROL_CHARACTER');
    expect(ask({}, 'Missing')).toBe('GATEWAY_BAD_REQUEST');
  });
});
