import { describe, expect, it } from 'vitest';
import { endpointPaths, nodeOf } from './nodes.js';
import { healthUrlOf } from './readiness.js';

describe('nodeOf', () => {
  it('takes the node from the path, or the only node when the path names none', () => {
    expect(nodeOf({ node: '330500' }, ['330500', '330503'])).toBe('330500');
    expect(nodeOf({}, ['330503'])).toBe('330503');
  });

  it('refuses a node the gateway does not serve', () => {
    expect(() => nodeOf({ node: '330100' }, ['330503'])).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'NOT_FOUND' }) }),
    );
    expect(() => nodeOf({}, ['330500', '330503'])).toThrow(/330500, 330503/);
  });
});

describe('endpointPaths', () => {
  it('adds the root path only for a single node', () => {
    expect(endpointPaths(['330503'], 'graphql')).toEqual(['/:node/graphql', '/graphql']);
    expect(endpointPaths(['330500', '330503'], 'graphql')).toEqual(['/:node/graphql']);
  });
});

describe('healthUrlOf', () => {
  it("replaces a subgraph's /graphql with /health", () => {
    expect(healthUrlOf('http://127.0.0.1:4001/graphql')).toBe('http://127.0.0.1:4001/health');
    expect(healthUrlOf('http://members/api/graphql/')).toBe('http://members/api/health');
  });
});
