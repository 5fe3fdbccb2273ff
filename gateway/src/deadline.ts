import { AsyncLocalStorage } from 'node:async_hooks';

/** The time one GraphQL request may take, from its start: past it, its fetches abort. */
export interface Deadline {
  signal: AbortSignal;
  ms: number;
}

// carries each request's deadline down to its subgraph fetches, which Apollo starts with
// no way to pass a signal
const deadlines = new AsyncLocalStorage<Deadline>();

/** Runs `work` (one request's handling) under a deadline of `ms` from now. */
export function runWithDeadline<T>(ms: number, work: () => T): T {
  return deadlines.run({ signal: AbortSignal.timeout(ms), ms }, work);
}

/** The deadline of the request being handled, if any. */
export const currentDeadline = (): Deadline | undefined => deadlines.getStore();
