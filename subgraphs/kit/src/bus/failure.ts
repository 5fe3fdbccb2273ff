import { HuishangError } from '@huishang/schema';

/** A PostgreSQL SQLSTATE behind an error: pg's own, or the one Prisma's driver adapter wraps. */
export function sqlStateOf(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const { code, meta, cause } = e as {
      code?: unknown;
      meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } };
      cause?: unknown;
    };
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    const wrapped = meta?.driverAdapterError?.cause?.originalCode;
    if (typeof wrapped === 'string') return wrapped;
    e = cause;
  }
  return undefined;
}

/**
 * SQLSTATE classes that say the statement itself can never succeed as written: data
 * exceptions (a NUL byte in text, a value out of range), integrity violations, a statement
 * that refers to what does not exist, invalid transaction state, PL/pgSQL raises.
 */
const permanentClasses = new Set(['22', '23', '2F', '42', 'P0', '0A']);

/**
 * Whether a failure to apply a message can never be cured by trying again: the message
 * is then parked at once, never retried. Only the database's word that the statement is
 * wrong, or an error thrown by the code itself (a refusal of ours, a snapshot it cannot
 * read), counts; anything else (connections, timeouts, deadlocks, a server going down)
 * is transient and retried.
 */
export function isPermanent(error: unknown): boolean {
  const state = sqlStateOf(error);
  if (state) return permanentClasses.has(state.slice(0, 2));
  return (
    error instanceof HuishangError ||
    error instanceof TypeError ||
    error instanceof RangeError ||
    error instanceof SyntaxError
  );
}
