import { describe, expect, it } from 'vitest';
import { inDays } from './dates.js';

describe('inDays', () => {
  it('counts from today in China, not in UTC', () => {
    const lateEvening = new Date('2025-06-30T16:30:00Z'); // 00:30 on 1 July in Beijing
    expect(inDays(0, lateEvening)).toBe('2025-07-01');
    expect(inDays(30, lateEvening)).toBe('2025-07-31');
    expect(inDays(-2, lateEvening)).toBe('2025-06-29');
  });
});
