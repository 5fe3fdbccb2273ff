import { describe, expect, it } from 'vitest';
import { chinaToday, daysBetween } from './calendar.js';

describe('calendar', () => {
  it('takes the date in Beijing, not at the server', () => {
    expect(chinaToday(new Date('2025-06-30T15:59:59Z'))).toBe('2025-06-30');
    expect(chinaToday(new Date('2025-06-30T16:00:00Z'))).toBe('2025-07-01');
  });

  it('counts whole days between dates', () => {
    expect(daysBetween('2025-06-30', '2025-07-07')).toBe(7);
    expect(daysBetween('2025-07-01', '2025-06-30')).toBe(-1);
    expect(daysBetween('2025-06-30', '2025-06-30')).toBe(0);
  });
});
