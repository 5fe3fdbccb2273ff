import { describe, expect, it } from 'vitest';
import { contributionOf } from './contribution.js';

describe('a joint party’s contribution', () => {
  it('takes participants, suggestions or both, never nothing', () => {
    expect(contributionOf({ suggestions: [{ text: '争取省级统筹用地指标' }] })).toEqual({
      participants: [],
      suggestions: [{ text: '争取省级统筹用地指标', proposedBy: null }],
    });
    expect(() => contributionOf({ participants: [], suggestions: null })).toThrow(
      /nothing to contribute/,
    );
  });
});
