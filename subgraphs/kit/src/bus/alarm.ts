/**
 * A sleep that can be cut short: a relay waits for the next poll unless a notification
 * wakes it first, and stopping wakes every sleeper (a consumer's loops share one). A ring
 * while nobody sleeps is kept, so one arriving between a read and the next sleep is not
 * lost.
 */
export class Alarm {
  #rung = false;
  readonly #sleepers = new Set<() => void>();

  /** Resolves after `ms`, or at once if rung since the last sleep ended. */
  sleep(ms: number): Promise<void> {
    if (this.#rung) {
      this.#rung = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.#sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.#sleepers.add(wake);
    });
  }

  ring(): void {
    if (this.#sleepers.size === 0) this.#rung = true;
    for (const wake of [...this.#sleepers]) wake();
  }
}

/** Exponential backoff after `failures` failures in a row: 250 ms doubling, at most `maxMs`. */
export const backoffMs = (failures: number, maxMs = 5_000): number =>
  Math.min(maxMs, 250 * 2 ** Math.max(0, failures - 1));
