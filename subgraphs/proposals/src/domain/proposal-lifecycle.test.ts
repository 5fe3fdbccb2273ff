import { describe, expect, it } from 'vitest';
import { allowedIn, assertTransition, canTake, isHandling } from './proposal-lifecycle.js';

describe('proposal lifecycle', () => {
  it('follows review, registration, assignment, handling, reply and evaluation in order', () => {
    expect(canTake('SUBMITTED', 'signIn')).toBe(true);
    expect(canTake('SIGNED_IN', 'preReview')).toBe(true);
    expect(allowedIn('PRE_REVIEWED')).toEqual(['register', 'decline', 'convert']);
    expect(canTake('REGISTERED', 'assign')).toBe(true);
    expect(allowedIn('ASSIGNED')).toEqual(['reply', 'remind', 'escalate']);
    expect(canTake('REPLIED', 'evaluateHandling')).toBe(true);
    expect(canTake('EVALUATED', 'evaluateQuality')).toBe(true);
    expect(canTake('SECOND_ROUND', 'reply')).toBe(true);
  });

  it('refuses a reply before assignment, naming the current state and what it allows', () => {
    expect(() => assertTransition('REGISTERED', 'reply')).toThrow(
      expect.objectContaining({
        code: 'PROPOSALS_ILLEGAL_TRANSITION',
        category: 'CONFLICT',
        fields: { state: 'REGISTERED', action: 'reply', allowed: ['assign'] },
        message: expect.stringMatching(/已立案.*可以：交办/),
      }),
    );
  });

  it('refuses registering twice, skipping review and evaluating the handling twice', () => {
    expect(() => assertTransition('REGISTERED', 'register')).toThrow(/REGISTERED/);
    expect(() => assertTransition('SUBMITTED', 'register')).toThrow(/SUBMITTED/);
    expect(() => assertTransition('EVALUATED', 'evaluateHandling')).toThrow(/EVALUATED/);
  });

  it('ends declined and converted proposals: nothing more is done to them', () => {
    expect(allowedIn('DECLINED')).toEqual([]);
    expect(allowedIn('CONVERTED')).toEqual([]);
    expect(() => assertTransition('DECLINED', 'assign')).toThrow(/可以：无/);
  });

  it('counts assigned and second-round proposals as under handling', () => {
    expect(isHandling('ASSIGNED')).toBe(true);
    expect(isHandling('SECOND_ROUND')).toBe(true);
    expect(isHandling('REPLIED')).toBe(false);
    expect(isHandling('REGISTERED')).toBe(false);
  });
});
