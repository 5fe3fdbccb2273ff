import { describe, expect, it } from 'vitest';
import { proposalColour } from './colour.js';

const deadline = new Date('2025-06-30T00:00:00Z');

describe('proposal colour', () => {
  it('colours a proposal only while it is being handled', () => {
    const now = new Date('2025-07-05T02:00:00Z');
    expect(proposalColour({ status: 'ASSIGNED', deadline }, now)).toBe('RED');
    expect(proposalColour({ status: 'REGISTERED', deadline: null }, now)).toBeNull();
    expect(proposalColour({ status: 'REPLIED', deadline }, now)).toBeNull();
    expect(proposalColour({ status: 'EVALUATED', deadline }, now)).toBeNull();
  });
});
