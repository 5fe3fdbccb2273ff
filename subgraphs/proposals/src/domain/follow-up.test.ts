import { describe, expect, it } from 'vitest';
import type { ReplyOutcome } from '../generated/prisma/enums.js';
import { openFollowUpItems, planFollowUp } from './follow-up.js';
import { refusalCode } from './test-fixtures.js';

const lead = '南浔区农业农村局';
const co = '南浔区生态环境分局';
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
      reply(3, lead, 2, 'NOT_ADOPTED'),
    ],
    followUps: [{ suggestionSeq: 3 }],
  };

  it('keeps the lead unit’s unadopted items of the last round open until followed up', () => {
    expect(openFollowUpItems(proposal)).toEqual([reply(2, lead, 2, 'NOT_ADOPTED')]);
  });

  it('has nothing to follow up while the proposal is still handled', () => {
    expect(openFollowUpItems({ ...proposal, status: 'SECOND_ROUND' })).toEqual([]);
  });

  it('follows up an open item with a note, and refuses any other', () => {
    expect(planFollowUp(proposal, 2, '提案委', ' 第三方运维试点已在练市镇开展 ')).toEqual({
      suggestionSeq: 2,
      by: '提案委',
      note: '第三方运维试点已在练市镇开展',
    });
    for (const seq of [1, 3, 4])
      expect(refusalCode(() => planFollowUp(proposal, seq, '提案委', '已回访'))).toBe(
        'PROPOSALS_NOT_OPEN_FOR_FOLLOW_UP',
      );
    expect(refusalCode(() => planFollowUp(proposal, 2, '提案委', ' '))).toBe('KIT_INVALID_INPUT');
  });
});
