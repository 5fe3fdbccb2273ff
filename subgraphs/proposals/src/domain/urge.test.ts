import { describe, expect, it } from 'vitest';
import { planUrge } from './urge.js';

describe('reminders and escalations (催办, 督办)', () => {
  it('records who pressed and what they said while units handle the proposal', () => {
    expect(
      planUrge({ status: 'ASSIGNED' }, 'REMIND', '提案委', ' 请于本周内报送办理进度 '),
    ).toEqual({
      kind: 'REMIND',
      by: '提案委',
      note: '请于本周内报送办理进度',
    });
    expect(
      planUrge({ status: 'SECOND_ROUND' }, 'ESCALATE', '提案委', '已超期，提请督办').kind,
    ).toBe('ESCALATE');
  });

  it('refuses pressing a proposal that is not being handled, or without a note', () => {
    expect(() => planUrge({ status: 'REPLIED' }, 'REMIND', '提案委', '请尽快答复')).toThrow(
      expect.objectContaining({
        code: 'PROPOSALS_ILLEGAL_TRANSITION',
        fields: expect.objectContaining({ state: 'REPLIED' }),
      }),
    );
    expect(() => planUrge({ status: 'ASSIGNED' }, 'ESCALATE', '提案委', ' ')).toThrow(
      expect.objectContaining({ code: 'KIT_INVALID_INPUT' }),
    );
  });
});
