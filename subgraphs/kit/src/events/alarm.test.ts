import { afterEach, describe, expect, it, vi } from 'vitest';
import { Alarm, backoffMs } from './alarm.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('alarm', () => {
  it('sleeps until rung or timed out, and keeps a ring that comes while awake', async () => {
    vi.useFakeTimers();
    const alarm = new Alarm();
    let woke = false;
    const sleeping = alarm.sleep(1_000).then(() => {
      woke = true;
    });
    await vi.advanceTimersByTimeAsync(10);
    expect(woke).toBe(false);
    alarm.ring();
    await sleeping;
    expect(woke).toBe(true);

    alarm.ring();
    const early = alarm.sleep(60_000);
    await vi.advanceTimersByTimeAsync(0);
    await expect(early).resolves.toBeUndefined();
  });

  it('backs off exponentially up to a ceiling', () => {
    expect([1, 2, 3, 4, 5, 6, 10].map((n) => backoffMs(n))).toEqual([
      250, 500, 1_000, 2_000, 4_000, 5_000, 5_000,
    ]);
    expect(backoffMs(20, 30_000)).toBe(30_000);
  });
});
