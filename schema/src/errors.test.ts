import { describe, expect, it } from 'vitest';
import { HuishangError } from './errors.js';

describe('HuishangError', () => {
  it('keeps its code and reason in extensions over fields of the same name', () => {
    const error = new HuishangError('KIT_INVALID_COMMAND', 'BAD_USER_INPUT', 'invalid command', {
      fields: { reason: 'data/caller/roles/0', code: 'X', detail: 1 },
    });
    expect(error.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'KIT_INVALID_COMMAND',
      detail: 1,
    });
  });
});
