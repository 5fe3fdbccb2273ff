import { errorCodeProblems } from '@huishang/subgraph-kit/testing';
import { describe, expect, it } from 'vitest';
import { jointSessionsErrors } from './errors.js';

describe('joint-sessions errors', () => {
  it('are declared as the README lists them', () => {
    expect(
      errorCodeProblems(jointSessionsErrors, new URL('../README.md', import.meta.url)),
    ).toEqual([]);
  });
});
