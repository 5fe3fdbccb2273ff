/**
 * A sleep that can be cut short: a relay waits for the next poll unless a notification
 * wakes it first, and stopping wakes every sleeper. A ring while nobody sleeps is kept,
 * so one arriving between a read and the next sleep is not lost.
 */
export class Alarm {
  #rung = false;
  #wake: (() => void) | undefined;

  /** Resolves after `ms`, or at once if rung since the last sleep ended. */
  sleep(ms: number): Promise<void> {
    if (this.#rung) {
      this.#rung = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.#wake?.(), ms);
      this.#wake = () => {
        clearTimeout(timer);
        this.#wake = undefined;
        resolve();
      };
    });
  }

  ring(): void {
    if (this.#wake) this.#wake();
    else this.#rung = true;
  }
}

/** Exponential backoff after `failures` failures in a row: 250 ms doubling, at most `maxMs`. */
export const backoffMs = (failures: number, maxMs = 5_000): number =>
  Math.min(maxMs, 250 * 2 ** Math.max(0, failures - 1));
