import { describe, expect, it } from 'vitest';
import { assertAdoptionSettable, normaliseSuggestions } from './suggestions.js';

describe('suggestions', () => {
  it('trims the text and keeps who proposed it', () => {
    expect(normaliseSuggestions([{ text: ' 建立运维长效机制 ', proposedBy: '沈丽华' }])).toEqual([
      { text: '建立运维长效机制', proposedBy: '沈丽华' },
    ]);
  });

  it('refuses an empty list or an empty text', () => {
    expect(() => normaliseSuggestions([])).toThrow(
      expect.objectContaining({ code: 'KIT_INVALID_INPUT' }),
    );
    expect(() => normaliseSuggestions([{ text: '' }])).toThrow(
      expect.objectContaining({ code: 'KIT_INVALID_INPUT' }),
    );
  });

  it('takes an adoption while the consultation runs, not once it is closed', () => {
    expect(() => assertAdoptionSettable({ id: 'c1', stage: 'FEEDBACK' })).not.toThrow();
    expect(() => assertAdoptionSettable({ id: 'c1', stage: 'CLOSED' })).toThrow(
      expect.objectContaining({
        code: 'CONSULTATIONS_CLOSED',
        fields: { id: 'c1', stage: 'CLOSED' },
      }),
    );
  });
});
