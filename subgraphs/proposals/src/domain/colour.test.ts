import { describe, expect, it } from 'vitest';
import { proposalColour, yellowFromOf } from './colour.js';

const deadline = new Date('2025-06-30T00:00:00Z');

describe('proposal colour', () => {
  it('colours a proposal only while it is being handled', () => {
    const now = new Date('2025-07-05T02:00:00Z');
    expect(proposalColour({ status: 'ASSIGNED', deadline }, now)).toBe('RED');
    expect(proposalColour({ status: 'SECOND_ROUND', deadline }, now)).toBe('RED');
    expect(proposalColour({ status: 'REGISTERED', deadline: null }, now)).toBeNull();
    expect(proposalColour({ status: 'REPLIED', deadline }, now)).toBeNull();
    expect(proposalColour({ status: 'EVALUATED', deadline }, now)).toBeNull();
  });

  it('turns yellow on the day the committee’s threshold set at assignment', () => {
    const yellowFrom = yellowFromOf(deadline, 14);
    expect(yellowFrom.toISOString().slice(0, 10)).toBe('2025-06-16');
    const proposal = { status: 'ASSIGNED' as const, deadline, yellowFrom };
    // 15 June 23:59 and 16 June 00:00 in Beijing
    expect(proposalColour(proposal, new Date('2025-06-15T15:59:00Z'))).toBe('GREEN');
    expect(proposalColour(proposal, new Date('2025-06-15T16:00:00Z'))).toBe('YELLOW');
    // without a stored threshold, the default seven days
    expect(
      proposalColour({ ...proposal, yellowFrom: null }, new Date('2025-06-20T02:00:00Z')),
    ).toBe('GREEN');
  });
});
