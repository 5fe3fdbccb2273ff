import { describe, expect, it } from 'vitest';
import { advanceStage, assertActionAllowed, nextStage } from './consultation-stages.js';

const at = (stage: Parameters<typeof nextStage>[0]) => ({ id: 'c1', stage });
const done = {
  minutesSent: true,
  evaluatedBy: ['MEMBERS', 'PUBLIC_EXPERTS', 'GOVERNMENT'] as const,
};

describe('the seven steps', () => {
  it('walks TOPIC through CLOSED one step at a time', () => {
    const walked = ['TOPIC'];
    let stage = nextStage('TOPIC');
    while (stage) {
      walked.push(advanceStage(at(walked.at(-1) as never), stage, done));
      stage = nextStage(stage);
    }
    expect(walked.join(' → ')).toBe(
      'TOPIC → PLAN → RESEARCH → CONSULT → REPORT → FEEDBACK → EVALUATION → CLOSED',
    );
  });

  it('refuses a skipped step, naming the current step and the next one', () => {
    expect(() => advanceStage(at('RESEARCH'), 'REPORT', done)).toThrow(
      expect.objectContaining({
        code: 'CONSULTATIONS_ILLEGAL_STAGE',
        fields: expect.objectContaining({ stage: 'RESEARCH', allowed: ['CONSULT'] }),
      }),
    );
    expect(() => advanceStage(at('CLOSED'), 'TOPIC', done)).toThrow(/CLOSED/);
  });

  it('leaves REPORT only once the minutes are sent', () => {
    expect(() => advanceStage(at('REPORT'), 'FEEDBACK', { ...done, minutesSent: false })).toThrow(
      expect.objectContaining({ code: 'CONSULTATIONS_STEP_INCOMPLETE' }),
    );
  });

  it('closes only after members, public and experts, and government have evaluated', () => {
    expect(() =>
      advanceStage(at('EVALUATION'), 'CLOSED', { minutesSent: true, evaluatedBy: ['MEMBERS'] }),
    ).toThrow(/PUBLIC_EXPERTS, GOVERNMENT/);
  });

  it('allows each action only in its steps', () => {
    expect(() => assertActionAllowed(at('REPORT'), 'sendMinutes')).not.toThrow();
    expect(() => assertActionAllowed(at('CONSULT'), 'sendMinutes')).toThrow(
      expect.objectContaining({ fields: expect.objectContaining({ allowed: ['REPORT'] }) }),
    );
    expect(() => assertActionAllowed(at('CLOSED'), 'setAdoption')).toThrow(/CLOSED/);
  });
});
