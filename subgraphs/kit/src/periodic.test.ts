import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startPeriodic } from './periodic.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('startPeriodic', () => {
  it('runs after each interval, never at start, and leaves no timer once stopped', async () => {
    let runs = 0;
    const periodic = startPeriodic(1_000, async () => void runs++, vi.fn());
    await vi.advanceTimersByTimeAsync(999);
    expect(runs).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(runs).toBe(3);
    await periodic.stop();
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(runs).toBe(3);
  });

  it('runs now when asked, hands a failure on and goes on', async () => {
    const failures: unknown[] = [];
    let runs = 0;
    const periodic = startPeriodic(
      60_000,
      async () => {
        runs++;
        if (runs === 1) throw new Error('database away');
      },
      (error) => failures.push(error),
    );
    await periodic.runNow();
    await periodic.runNow();
    expect(runs).toBe(2);
    expect(failures).toEqual([new Error('database away')]);
    await periodic.stop();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('waits for a run in flight when stopped', async () => {
    let finished = false;
    const periodic = startPeriodic(
      10,
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 50));
        finished = true;
      },
      vi.fn(),
    );
    await vi.advanceTimersByTimeAsync(20);
    const stopping = periodic.stop();
    await vi.advanceTimersByTimeAsync(50);
    await stopping;
    expect(finished).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });
});
