import { describe, expect, it } from 'vitest';
import { formatProposalNumber } from './proposal-number.js';

describe('proposal number', () => {
  it('formats 案号 from term, session and sequence', () => {
    expect(formatProposalNumber({ term: 10, session: 3, number: 15 })).toBe(
      '第10届第3次会议第15号',
    );
  });

  it('is absent until the proposal is registered', () => {
    expect(formatProposalNumber({ term: 10, session: 3, number: null })).toBeNull();
  });
});
