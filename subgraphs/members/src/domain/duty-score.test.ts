import { describe, expect, it } from 'vitest';
import { InvalidWeightError } from '../errors.js';
import {
  defaultDutyWeights,
  dutyScore,
  dutySummary,
  normaliseWeights,
  rankMembers,
} from './duty-score.js';

describe('duty score', () => {
  it('multiplies each kind’s count by the committee’s weight', () => {
    const score = dutyScore(
      { PROPOSAL_LED: 2, PROPOSAL_CO_SIGNED: 3, SPEECH: 1 },
      defaultDutyWeights,
    );
    expect(score.total).toBe(2 * 10 + 3 * 3 + 8);
    expect(score.byKind.find((k) => k.kind === 'PROPOSAL_CO_SIGNED')).toEqual({
      kind: 'PROPOSAL_CO_SIGNED',
      count: 3,
      points: 9,
    });
    expect(score.byKind).toHaveLength(6);
  });

  it('is zero for a member with no records', () => {
    expect(dutyScore({}, defaultDutyWeights).total).toBe(0);
  });

  it('summarises a member for its snapshot: the score and the kinds with records only', () => {
    expect(
      dutySummary({ PROPOSAL_LED: 1, SPEECH: 2, OPINION_SUBMITTED: 0 }, defaultDutyWeights),
    ).toEqual({
      score: 10 + 2 * 8,
      records: { PROPOSAL_LED: 1, SPEECH: 2 },
    });
    expect(dutySummary({}, { ...defaultDutyWeights, SPEECH: 12 })).toEqual({
      score: 0,
      records: {},
    });
  });

  it('takes a committee’s weights, keeping the kinds it does not give', () => {
    const weights = normaliseWeights({ SPEECH: 12, PROPOSAL_LED: 0 }, defaultDutyWeights);
    expect(weights).toEqual({ ...defaultDutyWeights, SPEECH: 12, PROPOSAL_LED: 0 });
  });

  it('refuses a weight that is not a whole number 0..100, naming the kind', () => {
    expect(() => normaliseWeights({ SPEECH: -1 }, defaultDutyWeights)).toThrow(InvalidWeightError);
    expect(() => normaliseWeights({ PROPOSAL_LED: 2.5 }, defaultDutyWeights)).toThrow(
      /PROPOSAL_LED/,
    );
    expect(() => normaliseWeights({ OPINION_SUBMITTED: 101 }, defaultDutyWeights)).toThrow(
      InvalidWeightError,
    );
  });
});

describe('duty ranking', () => {
  it('ranks by score, equal scores sharing a rank and listed by name in pinyin order', () => {
    const ranking = rankMembers([
      { memberId: 'a', name: '周敏', score: 20 },
      { memberId: 'b', name: '沈丽华', score: 35 },
      { memberId: 'c', name: '陈建明', score: 20 },
      { memberId: 'd', name: '姚国强', score: 5 },
    ]);
    expect(ranking.map((r) => [r.rank, r.name])).toEqual([
      [1, '沈丽华'],
      [2, '陈建明'],
      [2, '周敏'],
      [4, '姚国强'],
    ]);
  });

  it('orders namesakes by id so that pages never overlap', () => {
    const ranking = rankMembers([
      { memberId: 'y', name: '李伟', score: 3 },
      { memberId: 'x', name: '李伟', score: 3 },
    ]);
    expect(ranking.map((r) => r.memberId)).toEqual(['x', 'y']);
  });
});
