import { HuishangError } from '@huishang/schema';

/** A PostgreSQL SQLSTATE behind an error: the one Prisma's driver adapter wraps, or pg's own. */
export function sqlStateOf(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const { code, meta, cause } = e as {
      code?: unknown;
      meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } };
      cause?: unknown;
    };
    // Prisma's own codes (P2010 "raw query failed") wrap the database's.
    const wrapped = meta?.driverAdapterError?.cause?.originalCode;
    if (typeof wrapped === 'string') return wrapped;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && !/^P\d{4}$/.test(code))
      return code;
    e = cause;
  }
  return undefined;
}

/**
 * Whether a failure to apply a message can never be cured by trying again: the message
 * is then parked at once, never retried. Only the database's word that the data itself is
 * wrong (SQLSTATE class 22: a NUL byte in text, a value out of range, a malformed uuid;
 * class 54: a value past a limit, such as a text too long for its index; with
 * `integrity`, class 23 too: a violated constraint), or an error thrown by the code (a
 * refusal of ours, a snapshot it cannot read), counts. Anything else (connections,
 * timeouts, deadlocks, a table missing during a migration) is transient and retried, up
 * to `maxAttempts` (`outOfAttempts`).
 */
export function isPermanent(error: unknown, options: { integrity?: boolean } = {}): boolean {
  const state = sqlStateOf(error);
  if (state)
    return (
      ['22', '54'].some((cls) => state.startsWith(cls)) ||
      (options.integrity === true && state.startsWith('23'))
    );
  return (
    error instanceof HuishangError ||
    error instanceof TypeError ||
    error instanceof RangeError ||
    error instanceof SyntaxError
  );
}

/**
 * Deliveries after which a message that still fails while the database answers is parked
 * like a permanent failure: whatever it carries, it must not hold its consumer's window of
 * unacknowledged messages (and so every other origin's events) for ever. Parked is not
 * lost: the dead letter keeps it, and resync brings the replica level again.
 */
export const maxAttempts = 20;

export const outOfAttempts = (msg: { info: { deliveryCount: number } }): boolean =>
  msg.info.deliveryCount >= maxAttempts;
