import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { InvalidCommandError, kitErrors } from './errors.js';
import { errorCodeProblems } from './testing/error-codes.js';

describe('kit errors', () => {
  it('are declared as the README lists them', () => {
    expect(errorCodeProblems(kitErrors, new URL('../README.md', import.meta.url))).toEqual([]);
  });

  it('answer the code as extensions.reason though a field is named reason', () => {
    const error = new InvalidCommandError('data/caller/roles/0 must be string');
    const answered = new GraphQLError(error.message, { originalError: error }).toJSON();
    expect(answered.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'KIT_INVALID_COMMAND',
      fields: { reason: 'data/caller/roles/0 must be string' },
    });
  });
});
