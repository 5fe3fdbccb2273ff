import { describe, expect, it } from 'vitest';
import { CrossTermNotSortableError, InvalidVoteError, VoteNotOpenError } from '../errors.js';
import { planSorting, planVote, summariseCrossTerm, votePasses } from './cross-term.js';

const keyOpen = {
  term: 9,
  isKey: true,
  status: 'EVALUATED',
  crossTermOutcome: 'CONTINUE',
} as const;

describe('cross-term sorting', () => {
  it('sorts a registered proposal of an earlier term, recording the new term', () => {
    expect(planSorting({ term: 9, status: 'EVALUATED' }, 'HARD_FOR_NOW', 10)).toEqual({
      crossTermOutcome: 'HARD_FOR_NOW',
      crossTermSortedIn: 10,
    });
  });

  it('refuses proposals of the new term and proposals never registered', () => {
    expect(() => planSorting({ term: 10, status: 'REPLIED' }, 'DONE', 10)).toThrow(
      CrossTermNotSortableError,
    );
    for (const status of ['SUBMITTED', 'PRE_REVIEWED', 'DECLINED', 'CONVERTED'] as const)
      expect(() => planSorting({ term: 9, status }, 'DONE', 10)).toThrow(CrossTermNotSortableError);
  });
});

describe('the standing committee vote', () => {
  it('passes at exactly 80 % satisfied plus basically satisfied, and fails just below', () => {
    expect(votePasses({ satisfied: 30, basic: 10, unsatisfied: 10 })).toBe(true); // 40/50
    expect(votePasses({ satisfied: 30, basic: 9, unsatisfied: 11 })).toBe(false); // 39/50
    expect(votePasses({ satisfied: 4, basic: 0, unsatisfied: 1 })).toBe(true);
    expect(votePasses({ satisfied: 0, basic: 0, unsatisfied: 1 })).toBe(false);
  });

  it('closes the proposal when the vote passes and leaves it open when it fails', () => {
    expect(planVote(keyOpen, { term: 10, satisfied: 40, basic: 8, unsatisfied: 2 })).toEqual({
      passed: true,
      status: 'CLOSED',
    });
    expect(planVote(keyOpen, { term: 10, satisfied: 20, basic: 10, unsatisfied: 20 })).toEqual({
      passed: false,
      status: 'EVALUATED',
    });
  });

  it('takes votes only on open key proposals sorted as not done', () => {
    const tally = { term: 10, satisfied: 1, basic: 0, unsatisfied: 0 };
    for (const proposal of [
      { ...keyOpen, isKey: false },
      { ...keyOpen, status: 'CLOSED' },
      { ...keyOpen, crossTermOutcome: 'DONE' },
      { ...keyOpen, crossTermOutcome: null },
    ] as const)
      expect(() => planVote(proposal, tally)).toThrow(VoteNotOpenError);
  });

  it('refuses negative, fractional or all-zero counts, and a vote of the proposal’s own term', () => {
    for (const tally of [
      { term: 10, satisfied: -1, basic: 0, unsatisfied: 3 },
      { term: 10, satisfied: 1.5, basic: 0, unsatisfied: 0 },
      { term: 10, satisfied: 0, basic: 0, unsatisfied: 0 },
      { term: 9, satisfied: 50, basic: 0, unsatisfied: 0 },
    ])
      expect(() => planVote(keyOpen, tally)).toThrow(InvalidVoteError);
  });
});

describe('the cross-term report', () => {
  it('counts a committee’s sorting by outcome, with the key proposals still open', () => {
    const rows = [
      { crossTermOutcome: 'DONE', isKey: false, status: 'EVALUATED', count: 610 },
      { crossTermOutcome: 'CONTINUE', isKey: true, status: 'EVALUATED', count: 16 },
      { crossTermOutcome: 'START', isKey: true, status: 'CLOSED', count: 1 },
      { crossTermOutcome: 'START', isKey: true, status: 'REPLIED', count: 7 },
      { crossTermOutcome: 'HARD_FOR_NOW', isKey: false, status: 'REPLIED', count: 15 },
      { crossTermOutcome: null, isKey: false, status: 'REGISTERED', count: 2 },
    ] as const;
    expect(
      summariseCrossTerm(
        '330521',
        16,
        rows.map((row) => ({ ...row, region: '330521' })),
      ),
    ).toEqual({
      region: { code: '330521' },
      term: 16,
      total: 651,
      unsorted: 2,
      byOutcome: [
        { outcome: 'DONE', count: 610 },
        { outcome: 'HARD_FOR_NOW', count: 15 },
        { outcome: 'CONTINUE', count: 16 },
        { outcome: 'START', count: 8 },
      ],
      keyOpen: 23,
    });
  });
});
