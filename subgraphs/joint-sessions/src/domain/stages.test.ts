import { describe, expect, it } from 'vitest';
import { IllegalStageStepError } from '../errors.js';
import { advanceStage, jointStages } from './stages.js';

describe('the six joints', () => {
  it('walks from topic to closed one stage at a time', () => {
    let stage: (typeof jointStages)[number] = 'TOPIC';
    for (const to of jointStages.slice(1)) stage = advanceStage(stage, to);
    expect(stage).toBe('CLOSED');
  });

  it('refuses a skipped stage and names the current one', () => {
    expect(() => advanceStage('TOPIC', 'RESEARCH')).toThrow(IllegalStageStepError);
    expect(() => advanceStage('TOPIC', 'RESEARCH')).toThrow(/议题联定.*TOPIC.*PLAN/);
  });

  it('refuses going back or staying put', () => {
    expect(() => advanceStage('DELIBERATION', 'RESEARCH')).toThrow(/协商联议/);
    expect(() => advanceStage('PLAN', 'PLAN')).toThrow(/stage PLAN/);
  });

  it('refuses any step from a closed session', () => {
    expect(() => advanceStage('CLOSED', 'TOPIC')).toThrow(/CLOSED: it cannot advance/);
  });
});
