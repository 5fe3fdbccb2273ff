import { describe, expect, it } from 'vitest';
import { isoDate, isoTime } from './validate.js';

describe('ISO text of dates', () => {
  it('writes a date or a timestamp, and keeps an absent one null', () => {
    const at = new Date('2025-06-01T16:30:00Z');
    expect(isoDate(at)).toBe('2025-06-01');
    expect(isoTime(at)).toBe('2025-06-01T16:30:00.000Z');
    expect(isoDate(null)).toBeNull();
    expect(isoTime(null)).toBeNull();
  });
});
