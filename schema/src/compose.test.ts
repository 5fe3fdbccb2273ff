import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { composeSupergraph } from './compose.js';
import { CompositionError } from './errors.js';
import { loadSubgraphSdl, supergraphPath } from './sdl.js';

describe('supergraph', () => {
  it('is composed from the subgraph SDLs and the checked-in file is current', () => {
    // When this fails, run `npm run compose` and commit schema/supergraph.graphql.
    expect(readFileSync(supergraphPath, 'utf8')).toBe(composeSupergraph());
  });

  it('fails with the composition errors when subgraphs disagree', () => {
    const broken = (name: Parameters<typeof loadSubgraphSdl>[0]) =>
      name === 'proposals'
        ? loadSubgraphSdl(name).replace('hasNextPage: Boolean!', 'hasNextPage: String!')
        : loadSubgraphSdl(name);
    expect(() => composeSupergraph(undefined, broken)).toThrow(CompositionError);
  });
});
