import { describe, expect, it } from 'vitest';
import type { ProposalStatus } from '../generated/prisma/enums.js';
import { assertTransition, canTake, isHandling } from './proposal-lifecycle.js';

describe('proposal lifecycle', () => {
  it('follows the minimal path from submission to evaluation', () => {
    expect(canTake('SUBMITTED', 'register')).toBe(true);
    expect(canTake('REGISTERED', 'assign')).toBe(true);
    expect(canTake('ASSIGNED', 'reply')).toBe(true);
    expect(canTake('REPLIED', 'evaluateHandling')).toBe(true);
    expect(canTake('EVALUATED', 'evaluateQuality')).toBe(true);
  });

  it('refuses a reply before assignment, naming the current state', () => {
    expect(() => assertTransition('REGISTERED', 'reply')).toThrow(
      expect.objectContaining({
        code: 'PROPOSALS_ILLEGAL_TRANSITION',
        category: 'CONFLICT',
        fields: { state: 'REGISTERED', action: 'reply' },
        message: expect.stringContaining('已立案'),
      }),
    );
  });

  it('refuses registering twice and evaluating the handling twice', () => {
    expect(() => assertTransition('REGISTERED', 'register')).toThrow(/REGISTERED/);
    expect(() => assertTransition('EVALUATED', 'evaluateHandling')).toThrow(/EVALUATED/);
  });

  it('keeps the states of later issues closed for now', () => {
    const later: ProposalStatus[] = [
      'SIGNED_IN',
      'PRE_REVIEWED',
      'DECLINED',
      'CONVERTED',
      'SECOND_ROUND',
      'CLOSED',
    ];
    for (const state of later)
      for (const action of ['register', 'assign', 'reply', 'evaluateHandling'] as const)
        expect(canTake(state, action)).toBe(false);
  });

  it('counts assigned and second-round proposals as under handling', () => {
    expect(isHandling('ASSIGNED')).toBe(true);
    expect(isHandling('SECOND_ROUND')).toBe(true);
    expect(isHandling('REPLIED')).toBe(false);
    expect(isHandling('REGISTERED')).toBe(false);
  });
});
