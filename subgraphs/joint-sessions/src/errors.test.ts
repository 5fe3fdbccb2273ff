import { errorCodeProblems } from '@huishang/subgraph-kit/testing';
import { describe, expect, it } from 'vitest';
import { jointSessionsErrorCodes } from './errors.js';

describe('joint-sessions error codes', () => {
  it('are unique, prefixed and listed in the README', () => {
    expect(
      errorCodeProblems(
        jointSessionsErrorCodes,
        'JOINT_SESSIONS_',
        new URL('../README.md', import.meta.url).pathname,
      ),
    ).toEqual([]);
  });
});
