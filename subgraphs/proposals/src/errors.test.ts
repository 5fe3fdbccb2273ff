import { errorCodeProblems } from '@huishang/subgraph-kit/testing';
import { describe, expect, it } from 'vitest';
import { proposalsErrors } from './errors.js';

describe('proposals errors', () => {
  it('are declared as the README lists them', () => {
    expect(errorCodeProblems(proposalsErrors, new URL('../README.md', import.meta.url))).toEqual(
      [],
    );
  });
});
