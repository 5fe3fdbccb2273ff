import { describe, expect, it } from 'vitest';
import { NotPublishableError } from '../errors.js';
import { assertPublishable } from './publication.js';

describe('publication with consent', () => {
  it('publishes a registered proposal, answered or not', () => {
    for (const status of ['REGISTERED', 'ASSIGNED', 'REPLIED', 'CLOSED'] as const)
      expect(() => assertPublishable(status)).not.toThrow();
  });

  it('refuses a proposal that was never registered', () => {
    for (const status of ['SUBMITTED', 'PRE_REVIEWED', 'DECLINED', 'CONVERTED'] as const)
      expect(() => assertPublishable(status)).toThrow(NotPublishableError);
  });
});
