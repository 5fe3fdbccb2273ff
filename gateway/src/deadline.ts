import { AsyncLocalStorage } from 'node:async_hooks';
import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { DeadlineExceededError, ResponseTooLargeError } from './errors.js';

/** The time one GraphQL request may take, from its start: past it, its fetches abort. */
export interface Deadline {
  signal: AbortSignal;
  ms: number;
}

type Fetcher = RemoteGraphQLDataSource['fetcher'];

// carries each request's deadline down to its subgraph fetches, which Apollo starts with
// no way to pass a signal
const deadlines = new AsyncLocalStorage<Deadline>();

/** Runs `work` (one request's handling) under a deadline of `ms` from now. */
export function runWithDeadline<T>(ms: number, work: () => T): T {
  return deadlines.run({ signal: AbortSignal.timeout(ms), ms }, work);
}

/** The deadline of the request being handled, if any. */
export const currentDeadline = (): Deadline | undefined => deadlines.getStore();

/**
 * Fetches from a subgraph within the current request's deadline (an expired one sends
 * nothing), refusing an answer announced larger than `maxBytes` before reading it.
 */
export function createBoundedFetcher(maxBytes: number): Fetcher {
  return async (url, init) => {
    const deadline = currentDeadline();
    if (deadline?.signal.aborted) throw new DeadlineExceededError(deadline.ms);
    const response = await fetch(url, {
      ...(init as RequestInit),
      ...(deadline ? { signal: deadline.signal } : {}),
    });
    const length = Number(response.headers.get('content-length') ?? 0);
    if (length > maxBytes) {
      await response.body?.cancel();
      throw new ResponseTooLargeError(maxBytes);
    }
    return response as unknown as Awaited<ReturnType<Fetcher>>;
  };
}
