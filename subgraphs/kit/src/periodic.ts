import { Alarm } from './bus/alarm.js';

/** A job run again and again until stopped (`startPeriodic`). */
export interface Periodic {
  /** Runs the job now instead of at the end of the current wait; resolves when that run ends. */
  runNow(): Promise<void>;
  /** Ends the waits and resolves once a run in flight has finished: no timer is left. */
  stop(): Promise<void>;
}

/**
 * Runs `job` every `everyMs`, the first time after one interval (so a process that starts
 * and stops at once does nothing): one run at a time, the wait counted from the end of the
 * last run, so a slow run never overlaps the next. A run that throws is handed to
 * `onError` and the next one comes as usual.
 */
export function startPeriodic(
  everyMs: number,
  job: () => Promise<void>,
  onError: (error: unknown) => void,
): Periodic {
  const alarm = new Alarm();
  let stopped = false;
  let wanted: (() => void)[] = [];
  const run = async () => {
    const waiting = wanted;
    wanted = [];
    try {
      await job();
    } catch (error) {
      onError(error);
    } finally {
      for (const resolve of waiting) resolve();
    }
  };
  const loop = (async () => {
    await alarm.sleep(everyMs);
    while (!stopped) {
      await run();
      if (!stopped) await alarm.sleep(everyMs);
    }
    for (const resolve of wanted) resolve();
  })();
  return {
    runNow: () =>
      stopped
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            wanted.push(resolve);
            alarm.ring();
          }),
    stop: async () => {
      stopped = true;
      alarm.ring();
      await loop;
    },
  };
}
