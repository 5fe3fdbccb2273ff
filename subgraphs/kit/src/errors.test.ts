import { describe, expect, it } from 'vitest';
import { kitErrorCodes } from './errors.js';
import { errorCodeProblems } from './testing/error-codes.js';

describe('kit error codes', () => {
  it('are unique, prefixed and listed in the README', () => {
    expect(
      errorCodeProblems(kitErrorCodes, 'KIT_', new URL('../README.md', import.meta.url).pathname),
    ).toEqual([]);
  });
});
