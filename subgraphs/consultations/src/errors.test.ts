import { errorCodeProblems } from '@huishang/subgraph-kit/testing';
import { describe, expect, it } from 'vitest';
import { consultationsErrors, IllegalStepError } from './errors.js';

describe('consultations errors', () => {
  it('are declared as the README lists them', () => {
    expect(
      errorCodeProblems(consultationsErrors, new URL('../README.md', import.meta.url)),
    ).toEqual([]);
  });

  it('give an illegal step the code of its aggregate', () => {
    const error = new IllegalStepError('OPINION', 'SUBMITTED', '已提交', 'CLOSE', ['ACCEPT']);
    expect(error.extensions).toEqual({
      code: 'CONFLICT',
      reason: 'CONSULTATIONS_OPINION_ILLEGAL_STEP',
      fields: { state: 'SUBMITTED', action: 'CLOSE', allowed: ['ACCEPT'] },
    });
  });
});
