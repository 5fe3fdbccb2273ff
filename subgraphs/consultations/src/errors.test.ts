import { errorCodeProblems } from '@huishang/subgraph-kit/testing';
import { describe, expect, it } from 'vitest';
import { consultationsErrorCodes } from './errors.js';

describe('consultations error codes', () => {
  it('are unique, prefixed and listed in the README', () => {
    expect(
      errorCodeProblems(
        consultationsErrorCodes,
        'CONSULTATIONS_',
        new URL('../README.md', import.meta.url).pathname,
      ),
    ).toEqual([]);
  });
});
