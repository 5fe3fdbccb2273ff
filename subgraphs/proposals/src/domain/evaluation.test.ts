import { describe, expect, it } from 'vitest';
import { type EvaluationInput, planEvaluation } from './evaluation.js';
import { defaultRules } from './rules.js';
import { refusalCode } from './test-fixtures.js';

const now = new Date('2026-05-10T02:00:00Z');
const proposer = '01938a6e-1c2b-7d3e-8f40-5a6b7c8d9e01';
const rate = (
  rating: EvaluationInput['rating'],
  by: EvaluationInput['by'] = 'PROPOSER',
): EvaluationInput => ({
  by,
  rating,
  evaluator: by === 'PROPOSER' ? proposer : '南浔区农业农村局',
});
const replied = { status: 'REPLIED' as const, round: 1, evaluations: [] };

describe('two-way evaluation', () => {
  it('makes a replied proposal evaluated when the proposer is satisfied', () => {
    expect(
      planEvaluation(
        replied,
        { ...rate('SATISFIED'), comment: ' 办理认真，答复具体 ' },
        defaultRules,
        now,
      ),
    ).toEqual({
      by: 'PROPOSER',
      rating: 'SATISFIED',
      comment: '办理认真，答复具体',
      evaluator: proposer,
      round: 1,
      status: 'EVALUATED',
      secondRound: null,
    });
  });

  it('opens a second round on a basically satisfied or unsatisfied first round', () => {
    for (const rating of ['BASIC', 'UNSATISFIED'] as const) {
      const evaluation = planEvaluation(replied, rate(rating), defaultRules, now);
      expect(evaluation.status).toBe('SECOND_ROUND');
      expect(evaluation.secondRound?.round).toBe(2);
      expect(evaluation.secondRound?.deadline.toISOString().slice(0, 10)).toBe('2026-06-09');
      expect(evaluation.secondRound?.yellowFrom.toISOString().slice(0, 10)).toBe('2026-06-02');
    }
  });

  it('ends with the second round whatever its rating: at most one second round', () => {
    const second = {
      status: 'REPLIED' as const,
      round: 2,
      evaluations: [{ by: 'PROPOSER' as const, round: 1 }],
    };
    expect(planEvaluation(second, rate('UNSATISFIED'), defaultRules, now)).toMatchObject({
      round: 2,
      status: 'EVALUATED',
      secondRound: null,
    });
  });

  it('records the unit’s rating of quality once, any time after the first reply', () => {
    expect(planEvaluation(replied, rate('BASIC', 'UNIT'), defaultRules, now).status).toBe(
      'REPLIED',
    );
    const inSecond = { ...replied, status: 'SECOND_ROUND' as const, round: 2 };
    expect(planEvaluation(inSecond, rate('SATISFIED', 'UNIT'), defaultRules, now).status).toBe(
      'SECOND_ROUND',
    );
    const unitRated = { ...inSecond, evaluations: [{ by: 'UNIT' as const, round: 1 }] };
    expect(
      refusalCode(() => planEvaluation(unitRated, rate('SATISFIED', 'UNIT'), defaultRules, now)),
    ).toBe('PROPOSALS_ALREADY_EVALUATED');
  });

  it('refuses evaluating a round twice, naming the current state', () => {
    const rated = {
      status: 'EVALUATED' as const,
      round: 1,
      evaluations: [{ by: 'PROPOSER' as const, round: 1 }],
    };
    expect(() => planEvaluation(rated, rate('SATISFIED'), defaultRules, now)).toThrow(
      expect.objectContaining({
        code: 'PROPOSALS_ALREADY_EVALUATED',
        fields: { by: 'PROPOSER', state: 'EVALUATED' },
        message: expect.stringContaining('已评价'),
      }),
    );
  });

  it('refuses an evaluation before the reply, or of a round still being handled', () => {
    expect(
      refusalCode(() =>
        planEvaluation({ ...replied, status: 'ASSIGNED' }, rate('SATISFIED'), defaultRules, now),
      ),
    ).toBe('PROPOSALS_ILLEGAL_TRANSITION');
    const second = { status: 'SECOND_ROUND' as const, round: 2, evaluations: [] };
    expect(refusalCode(() => planEvaluation(second, rate('SATISFIED'), defaultRules, now))).toBe(
      'PROPOSALS_ILLEGAL_TRANSITION',
    );
  });
});
