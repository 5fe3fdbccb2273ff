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

  it('wakes every sleeper on a ring, and each on its own timeout', async () => {
    vi.useFakeTimers();
    const alarm = new Alarm();
    const woke: number[] = [];
    const sleepers = [300, 200, 100].map((ms) => alarm.sleep(ms).then(() => woke.push(ms)));
    await vi.advanceTimersByTimeAsync(150);
    expect(woke).toEqual([100]);
    alarm.ring();
    await Promise.all(sleepers);
    expect(woke.toSorted()).toEqual([100, 200, 300]);
    // All were asleep, so none of the ring is kept for the next sleep.
    let next = false;
    void alarm.sleep(1_000).then(() => {
      next = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(next).toBe(false);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(next).toBe(true);
  });

  it('backs off exponentially up to a ceiling', () => {
    expect([1, 2, 3, 4, 5, 6, 10].map((n) => backoffMs(n))).toEqual([
      250, 500, 1_000, 2_000, 4_000, 5_000, 5_000,
    ]);
    expect(backoffMs(20, 30_000)).toBe(30_000);
  });
});
