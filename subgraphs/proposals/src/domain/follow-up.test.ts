import { describe, expect, it } from 'vitest';
import type { ReplyOutcome } from '../generated/prisma/enums.js';
import { openFollowUpItems } from './follow-up.js';

const lead = '南浔区农业农村局';
const co = '湖州市生态环境局南浔分局';
const reply = (suggestionSeq: number, unit: string, round: number, outcome: ReplyOutcome) => ({
  suggestionSeq,
  unit,
  round,
  outcome,
});

describe('follow-up (回头看)', () => {
  const proposal = {
    status: 'EVALUATED' as const,
    round: 2,
    handlingUnits: [
      { name: lead, role: 'LEAD' as const },
      { name: co, role: 'CO' as const },
    ],
    replies: [
      reply(1, lead, 1, 'NOT_ADOPTED'),
      reply(1, lead, 2, 'ADOPTED'),
      reply(2, lead, 2, 'NOT_ADOPTED'),
      reply(2, co, 2, 'NOT_ADOPTED'),
    ],
  };

  it('keeps the lead unit’s unadopted items of the last round once handling is over', () => {
    expect(openFollowUpItems(proposal)).toEqual([reply(2, lead, 2, 'NOT_ADOPTED')]);
  });

  it('has nothing to follow up while the proposal is still handled', () => {
    expect(openFollowUpItems({ ...proposal, status: 'SECOND_ROUND' })).toEqual([]);
  });
});
