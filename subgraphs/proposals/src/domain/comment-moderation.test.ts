import { InvalidInputError } from '@huishang/subgraph-kit';
import { describe, expect, it } from 'vitest';
import { CommentModeratedError, ReasonRequiredError } from '../errors.js';
import { maxCommentLength, normaliseComment, planModeration } from './comment-moderation.js';

describe('comment moderation', () => {
  it('approves or rejects a pending comment, a rejection with its reason', () => {
    expect(planModeration('PENDING', 'APPROVE', '')).toEqual({ status: 'APPROVED', reason: null });
    expect(planModeration('PENDING', 'REJECT', ' 含广告内容 ')).toEqual({
      status: 'REJECTED',
      reason: '含广告内容',
    });
  });

  it('refuses a rejection without a reason', () => {
    expect(() => planModeration('PENDING', 'REJECT', '  ')).toThrow(ReasonRequiredError);
  });

  it('refuses to moderate twice, naming the state and that nothing is allowed', () => {
    const refusal = (() => {
      try {
        planModeration('APPROVED', 'REJECT', '重复');
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(CommentModeratedError);
    expect((refusal as CommentModeratedError).fields).toEqual({
      state: 'APPROVED',
      allowedActions: [],
    });
  });

  it('trims a comment and refuses an empty or over-long one', () => {
    expect(normaliseComment('  建议尽快落实。 ')).toBe('建议尽快落实。');
    expect(() => normaliseComment(' \n ')).toThrow(InvalidInputError);
    expect(normaliseComment('好'.repeat(maxCommentLength))).toHaveLength(maxCommentLength);
    expect(() => normaliseComment('好'.repeat(maxCommentLength + 1))).toThrow(InvalidInputError);
  });
});
