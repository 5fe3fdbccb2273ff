import { errorCodeProblems } from '@huishang/subgraph-kit/testing';
import { describe, expect, it } from 'vitest';
import { membersErrorCodes } from './errors.js';

describe('members error codes', () => {
  it('are unique, prefixed and listed in the README', () => {
    expect(
      errorCodeProblems(
        membersErrorCodes,
        'MEMBERS_',
        new URL('../README.md', import.meta.url).pathname,
      ),
    ).toEqual([]);
  });
});
