import { describe, expect, it } from 'vitest';
import { normaliseEvaluation } from './three-party-evaluation.js';

const rating = { wellMade: 'GOOD', wellHandled: 'FAIR', consensus: 'GOOD' } as const;

describe('three-party evaluation', () => {
  it('takes one rating per party', () => {
    const consultation = { id: 'c1', evaluations: [{ party: 'MEMBERS' as const }] };
    expect(normaliseEvaluation(consultation, { party: 'GOVERNMENT', ...rating })).toEqual({
      party: 'GOVERNMENT',
      ...rating,
      note: null,
    });
    expect(() => normaliseEvaluation(consultation, { party: 'MEMBERS', ...rating })).toThrow(
      expect.objectContaining({ code: 'CONSULTATIONS_ALREADY_EVALUATED' }),
    );
  });
});
