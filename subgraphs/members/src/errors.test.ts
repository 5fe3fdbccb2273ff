import { errorCodeProblems } from '@huishang/subgraph-kit/testing';
import { describe, expect, it } from 'vitest';
import { membersErrors } from './errors.js';

describe('members errors', () => {
  it('are declared as the README lists them', () => {
    expect(errorCodeProblems(membersErrors, new URL('../README.md', import.meta.url))).toEqual([]);
  });
});
