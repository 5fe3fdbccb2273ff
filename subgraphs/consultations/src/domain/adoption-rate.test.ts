import { describe, expect, it } from 'vitest';
import { adoptionRate } from './adoption-rate.js';

describe('adoption rate', () => {
  it('counts adopted and partly adopted suggestions over all of them', () => {
    expect(adoptionRate(['ADOPTED', 'PARTLY_ADOPTED', 'NOT_ADOPTED', 'PENDING'])).toBe(0.5);
  });

  it('is zero while every suggestion is pending or declined', () => {
    expect(adoptionRate(['PENDING', 'NOT_ADOPTED'])).toBe(0);
  });

  it('is null without suggestions', () => {
    expect(adoptionRate([])).toBeNull();
  });
});
