import { describe, expect, it } from 'vitest';
import { planReview } from './review.js';
import { refusalCode } from './test-fixtures.js';

const reviewer = '提案委 王审查';

describe('proposal review (签收, 预审, 复审)', () => {
  it('signs in, pre-reviews and registers in order, recording reviewer and reason', () => {
    expect(planReview({ status: 'SUBMITTED' }, 'signIn', reviewer, null)).toEqual({
      action: 'signIn',
      status: 'SIGNED_IN',
      review: { step: 'SIGN_IN', decision: 'PASSED', reviewer, reason: null },
    });
    expect(planReview({ status: 'SIGNED_IN' }, 'preReview', reviewer, ' 格式规范 ')).toEqual({
      action: 'preReview',
      status: 'PRE_REVIEWED',
      review: { step: 'PRE_REVIEW', decision: 'PASSED', reviewer, reason: '格式规范' },
    });
    expect(planReview({ status: 'PRE_REVIEWED' }, 'register', reviewer, null).status).toBe(
      'REGISTERED',
    );
  });

  it('declines with a reason, or converts to an opinion letter, at final review', () => {
    expect(
      planReview({ status: 'PRE_REVIEWED' }, 'decline', reviewer, '属于个人诉求，不符合立案范围'),
    ).toMatchObject({
      status: 'DECLINED',
      review: {
        step: 'FINAL_REVIEW',
        decision: 'DECLINED',
        reason: '属于个人诉求，不符合立案范围',
      },
    });
    expect(
      refusalCode(() => planReview({ status: 'PRE_REVIEWED' }, 'decline', reviewer, ' ')),
    ).toBe('PROPOSALS_REASON_REQUIRED');
    expect(planReview({ status: 'PRE_REVIEWED' }, 'convert', reviewer, null)).toMatchObject({
      status: 'CONVERTED',
      review: { decision: 'CONVERTED' },
    });
  });

  it('refuses skipping a step and registering twice', () => {
    expect(refusalCode(() => planReview({ status: 'SUBMITTED' }, 'register', reviewer, null))).toBe(
      'PROPOSALS_ILLEGAL_TRANSITION',
    );
    expect(
      refusalCode(() => planReview({ status: 'REGISTERED' }, 'register', reviewer, null)),
    ).toBe('PROPOSALS_ILLEGAL_TRANSITION');
    expect(refusalCode(() => planReview({ status: 'DECLINED' }, 'convert', reviewer, null))).toBe(
      'PROPOSALS_ILLEGAL_TRANSITION',
    );
  });
});
