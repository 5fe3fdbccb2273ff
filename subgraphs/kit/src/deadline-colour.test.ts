import { describe, expect, it } from 'vitest';
import {
  chinaDate,
  chinaDateAtUtcMidnight,
  daysBetween,
  deadlineAfter,
  deadlineColour,
} from './deadline-colour.js';

const deadline = new Date('2025-06-30T00:00:00Z');
const at = (iso: string) => new Date(iso);
const day = (date: Date) => date.toISOString().slice(0, 10);

describe('calendar', () => {
  it('takes the date in Beijing, not at the server', () => {
    expect(chinaDate(new Date('2025-06-30T15:59:59Z'))).toBe('2025-06-30');
    expect(chinaDate(new Date('2025-06-30T16:00:00Z'))).toBe('2025-07-01');
  });

  it('gives the date in Beijing as a date column holds it, at UTC midnight', () => {
    expect(chinaDateAtUtcMidnight(new Date('2025-06-30T15:59:59Z'))).toEqual(
      new Date('2025-06-30T00:00:00Z'),
    );
    expect(chinaDateAtUtcMidnight(new Date('2025-06-30T16:00:00Z'))).toEqual(
      new Date('2025-07-01T00:00:00Z'),
    );
  });

  it('counts whole days between dates', () => {
    expect(daysBetween('2025-06-30', '2025-07-07')).toBe(7);
    expect(daysBetween('2025-07-01', '2025-06-30')).toBe(-1);
    expect(daysBetween('2025-06-30', '2025-06-30')).toBe(0);
  });

  it('sets a deadline days or calendar months after the day in Beijing', () => {
    expect(day(deadlineAfter(at('2025-06-30T16:30:00Z'), { days: 7 }))).toBe('2025-07-08');
    expect(day(deadlineAfter(at('2025-03-10T02:00:00Z'), { months: 3 }))).toBe('2025-06-10');
    expect(day(deadlineAfter(at('2025-11-30T02:00:00Z'), { months: 3 }))).toBe('2026-02-28');
  });
});

describe('deadline colour', () => {
  it('is green while more than seven days remain', () => {
    expect(deadlineColour(deadline, at('2025-06-22T02:00:00Z'))).toBe('GREEN');
  });

  it('turns yellow within seven days, the deadline day included', () => {
    expect(deadlineColour(deadline, at('2025-06-23T02:00:00Z'))).toBe('YELLOW');
    expect(deadlineColour(deadline, at('2025-06-30T15:59:00Z'))).toBe('YELLOW');
  });

  it('turns red once the deadline day has ended in Beijing', () => {
    expect(deadlineColour(deadline, at('2025-06-30T16:00:00Z'))).toBe('RED');
  });

  it('honours another yellow threshold', () => {
    expect(deadlineColour(deadline, at('2025-06-22T02:00:00Z'), { yellowWithinDays: 10 })).toBe(
      'YELLOW',
    );
  });

  it('has no colour without a deadline', () => {
    expect(deadlineColour(null, at('2025-06-22T02:00:00Z'))).toBeNull();
  });
});
