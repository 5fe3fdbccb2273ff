import { describe, expect, it } from 'vitest';
import { deadlineColour, proposalColour } from './colour.js';

const deadline = new Date('2025-06-30T00:00:00Z');
const at = (iso: string) => new Date(iso);

describe('deadline colour', () => {
  it('is green while more than seven days remain', () => {
    expect(deadlineColour(deadline, at('2025-06-22T02:00:00Z'))).toBe('GREEN');
  });

  it('turns yellow within seven days, the deadline day included', () => {
    expect(deadlineColour(deadline, at('2025-06-23T02:00:00Z'))).toBe('YELLOW');
    expect(deadlineColour(deadline, at('2025-06-30T15:59:00Z'))).toBe('YELLOW');
  });

  it('turns red once the deadline day has ended in Beijing', () => {
    expect(deadlineColour(deadline, at('2025-06-30T16:00:00Z'))).toBe('RED');
  });

  it('honours another yellow threshold', () => {
    expect(deadlineColour(deadline, at('2025-06-22T02:00:00Z'), { yellowWithinDays: 10 })).toBe(
      'YELLOW',
    );
  });

  it('has no colour without a deadline', () => {
    expect(deadlineColour(null, at('2025-06-22T02:00:00Z'))).toBeNull();
  });

  it('colours a proposal only while it is being handled', () => {
    const now = at('2025-07-05T02:00:00Z');
    expect(proposalColour({ status: 'ASSIGNED', deadline }, now)).toBe('RED');
    expect(proposalColour({ status: 'REGISTERED', deadline: null }, now)).toBeNull();
    expect(proposalColour({ status: 'REPLIED', deadline }, now)).toBeNull();
    expect(proposalColour({ status: 'EVALUATED', deadline }, now)).toBeNull();
  });
});
