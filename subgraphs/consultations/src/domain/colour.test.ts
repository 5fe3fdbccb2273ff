import { describe, expect, it } from 'vitest';
import { colourDeadlines, opinionColour, requireDeadline, supervisionColour } from './colour.js';

const deadline = new Date('2025-06-30T00:00:00Z');
const at = (iso: string) => new Date(iso);
const open = { status: 'INSPECTING' as const, deadline };

describe('supervision colour', () => {
  it('is green while more than seven days remain', () => {
    expect(supervisionColour(open, at('2025-06-22T02:00:00Z'))).toBe('GREEN');
  });

  it('turns yellow within seven days, the deadline day included', () => {
    expect(supervisionColour(open, at('2025-06-23T02:00:00Z'))).toBe('YELLOW');
    expect(supervisionColour(open, at('2025-06-30T15:59:00Z'))).toBe('YELLOW');
  });

  it('turns red once the deadline day has ended in Beijing', () => {
    expect(supervisionColour(open, at('2025-06-30T16:00:00Z'))).toBe('RED');
  });

  it('has no colour once closed or without a deadline', () => {
    const late = at('2025-08-01T02:00:00Z');
    expect(supervisionColour({ status: 'CLOSED', deadline }, late)).toBeNull();
    expect(supervisionColour({ status: 'DISPATCHED', deadline: null }, late)).toBeNull();
  });
});

describe('opinion item colour', () => {
  const late = at('2025-07-01T02:00:00Z');
  it('warns while the department handles the item, until it is answered', () => {
    expect(opinionColour({ status: 'DISPATCHED', deadline }, late)).toBe('RED');
    expect(opinionColour({ status: 'HANDLED', deadline }, late)).toBe('RED');
    expect(opinionColour({ status: 'ANSWERED', deadline }, late)).toBeNull();
    expect(opinionColour({ status: 'REVIEWED', deadline: null }, late)).toBeNull();
  });

  it('takes a new deadline from today in Beijing on, not before', () => {
    const evening = at('2025-06-30T17:00:00Z'); // 1 July in Beijing
    expect(requireDeadline('deadline', '2025-07-01', evening)).toEqual(
      new Date('2025-07-01T00:00:00Z'),
    );
    expect(() => requireDeadline('deadline', '2025-06-30', evening)).toThrow(
      expect.objectContaining({ code: 'KIT_INVALID_INPUT', fields: { field: 'deadline' } }),
    );
  });
});

describe('colour deadlines', () => {
  it('bound the deadlines of each colour exactly as supervisionColour colours them', () => {
    const now = at('2025-06-22T17:30:00Z'); // 01:30 on 23 June in Beijing
    const { redBefore, yellowUntil } = colourDeadlines(now);
    expect(redBefore.toISOString()).toBe('2025-06-23T00:00:00.000Z');
    expect(yellowUntil.toISOString()).toBe('2025-06-30T00:00:00.000Z');
    for (let day = 15; day <= 40; day += 1) {
      const d = new Date(Date.UTC(2025, 5, day));
      const bounded = d < redBefore ? 'RED' : d <= yellowUntil ? 'YELLOW' : 'GREEN';
      expect(bounded).toBe(supervisionColour({ status: 'INSPECTING', deadline: d }, now));
    }
  });
});
