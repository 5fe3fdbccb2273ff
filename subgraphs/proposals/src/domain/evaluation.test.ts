import { describe, expect, it } from 'vitest';
import { planEvaluation } from './evaluation.js';

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { code: string }).code;
  }
  return 'accepted';
};

describe('two-way evaluation', () => {
  it('makes a replied proposal evaluated when the proposer rates the handling', () => {
    expect(
      planEvaluation({ status: 'REPLIED', evaluations: [] }, 'PROPOSER', ' 办理认真，答复具体 '),
    ).toEqual({
      comment: '办理认真，答复具体',
      status: 'EVALUATED',
    });
  });

  it('records the unit’s rating of quality before or after the proposer’s', () => {
    expect(planEvaluation({ status: 'REPLIED', evaluations: [] }, 'UNIT', null).status).toBe(
      'REPLIED',
    );
    const rated = { status: 'EVALUATED' as const, evaluations: [{ by: 'PROPOSER' as const }] };
    expect(planEvaluation(rated, 'UNIT', '').status).toBe('EVALUATED');
  });

  it('takes each party’s evaluation once', () => {
    const rated = { status: 'EVALUATED' as const, evaluations: [{ by: 'PROPOSER' as const }] };
    expect(code(() => planEvaluation(rated, 'PROPOSER', null))).toBe('PROPOSALS_ALREADY_EVALUATED');
    const unitRated = { status: 'REPLIED' as const, evaluations: [{ by: 'UNIT' as const }] };
    expect(code(() => planEvaluation(unitRated, 'UNIT', null))).toBe('PROPOSALS_ALREADY_EVALUATED');
  });

  it('refuses an evaluation before the reply', () => {
    expect(
      code(() => planEvaluation({ status: 'ASSIGNED', evaluations: [] }, 'PROPOSER', null)),
    ).toBe('PROPOSALS_ILLEGAL_TRANSITION');
  });
});
