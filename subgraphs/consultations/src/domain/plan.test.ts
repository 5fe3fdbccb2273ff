import { describe, expect, it } from 'vitest';
import { planProgress } from './plan.js';

describe('6+X plan progress', () => {
  it('counts planned topics and held consultations by lead', () => {
    const planned = [{ lead: 'LEADERS' }, { lead: 'LEADERS' }, { lead: 'SECTORS' }] as const;
    const held = [
      { lead: 'LEADERS' },
      { lead: 'SECTORS' },
      { lead: 'SECTORS' },
      { lead: null },
    ] as const;
    expect(planProgress(planned, held)).toEqual({
      six: { planned: 2, held: 1 },
      x: { planned: 1, held: 2 },
    });
  });
});
