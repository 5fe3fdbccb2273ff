import { errorCodeProblems } from '@huishang/subgraph-kit/testing';
import { describe, expect, it } from 'vitest';
import { proposalsErrorCodes } from './errors.js';

describe('proposals error codes', () => {
  it('are unique, prefixed and listed in the README', () => {
    expect(
      errorCodeProblems(
        proposalsErrorCodes,
        'PROPOSALS_',
        new URL('../README.md', import.meta.url).pathname,
      ),
    ).toEqual([]);
  });
});
