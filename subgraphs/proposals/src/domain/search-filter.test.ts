import { type Colour, deadlineAfter } from '@huishang/subgraph-kit';
import { describe, expect, it } from 'vitest';
import type { ProposalStatus } from '../generated/prisma/enums.js';
import { proposalColour, yellowFromOf } from './colour.js';
import { type ColourCondition, colourCondition } from './search-filter.js';

// 00:30 on 2 June in Beijing while it is still 1 June in UTC: days count from China's date.
const now = new Date('2025-06-01T16:30:00Z');

/** The SQL of data/search.ts and the Prisma filter of data/lifecycle.ts, read as a predicate. */
function matches(
  condition: ColourCondition,
  proposal: { status: ProposalStatus; deadline: Date; yellowFrom: Date },
) {
  const { yellowFrom } = proposal;
  const { deadlineBefore, deadlineFrom, yellowFromUntil, yellowFromAfter } = condition;
  return (
    condition.statuses.includes(proposal.status) &&
    (!deadlineBefore || proposal.deadline < deadlineBefore) &&
    (!deadlineFrom || proposal.deadline >= deadlineFrom) &&
    (!yellowFromUntil || yellowFrom <= yellowFromUntil) &&
    (!yellowFromAfter || yellowFrom > yellowFromAfter)
  );
}

describe('colour as a search condition', () => {
  it('selects exactly the proposals whose computed colour it is', () => {
    for (let days = -20; days <= 20; days++) {
      const deadline = deadlineAfter(now, { days });
      for (const yellowFrom of [
        yellowFromOf(deadline, 3),
        yellowFromOf(deadline, 7),
        yellowFromOf(deadline, 14),
      ])
        for (const status of ['ASSIGNED', 'SECOND_ROUND', 'REPLIED'] as const) {
          const proposal = { status, deadline, yellowFrom };
          const computed = proposalColour(proposal, now);
          for (const colour of ['GREEN', 'YELLOW', 'RED'] as Colour[])
            expect(
              matches(colourCondition(colour, now), proposal),
              `${status} ${days} ${yellowFrom.toISOString()} ${colour}`,
            ).toBe(computed === colour);
        }
    }
  });

  it('compares with today in China', () => {
    expect(colourCondition('RED', now).deadlineBefore).toEqual(new Date('2025-06-02T00:00:00Z'));
  });
});
