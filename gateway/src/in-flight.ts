/**
 * Identical work asked for while it is already running is done once: every caller with
 * the same key awaits the same promise, and the key is free again once it settles. The
 * key must hold everything the answer depends on (who asks, at which node, what, and the
 * node's write epoch): work is shared only between callers for whom it is the same work.
 */
export class InFlight<T> {
  readonly #running = new Map<string, Promise<T>>();

  run(key: string, work: () => Promise<T>): Promise<T> {
    const running = this.#running.get(key);
    if (running) return running;
    const started = work().finally(() => this.#running.delete(key));
    this.#running.set(key, started);
    return started;
  }

  get size(): number {
    return this.#running.size;
  }
}

/**
 * A counter per node, moved on by every mutation through the gateway (when it starts and
 * when it ends). Reads share work only within one epoch, so a caller's read after its own
 * write never joins a read that began before the write.
 */
export class WriteEpochs {
  readonly #epochs = new Map<string, number>();

  of(node: string): number {
    return this.#epochs.get(node) ?? 0;
  }

  advance(node: string): void {
    this.#epochs.set(node, this.of(node) + 1);
  }
}
