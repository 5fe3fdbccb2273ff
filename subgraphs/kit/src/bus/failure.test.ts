import { HuishangError } from '@huishang/schema';
import { DatabaseError } from 'pg';
import { describe, expect, it } from 'vitest';
import { isPermanent, maxAttempts, outOfAttempts, sqlStateOf } from './failure.js';

/** pg's own error for a statement the server refused with `code`. */
const refused = (code: string) => Object.assign(new DatabaseError('refused', 0, 'error'), { code });

describe('failure classification', () => {
  it('takes the SQLSTATE from pg, and from under a wrapping error', () => {
    expect(sqlStateOf(refused('22021'))).toBe('22021');
    expect(sqlStateOf(new Error('outer', { cause: refused('23505') }))).toBe('23505');
    expect(sqlStateOf(new Error('connect ECONNREFUSED'))).toBeUndefined();
  });

  it('parks data the database can never store, and retries everything else', () => {
    expect(isPermanent(refused('22021'))).toBe(true); // NUL byte
    expect(isPermanent(refused('22P02'))).toBe(true); // malformed uuid
    expect(isPermanent(refused('54000'))).toBe(true); // a 9 KB name past its index's row size
    expect(isPermanent(refused('40P01'))).toBe(false); // deadlock
    expect(isPermanent(refused('57P01'))).toBe(false); // server shutting down
    expect(isPermanent(refused('42P01'))).toBe(false); // a table missing mid-migration
    expect(isPermanent(new Error('Connection terminated unexpectedly'))).toBe(false);
  });

  it('counts a violated constraint as permanent only where asked', () => {
    expect(isPermanent(refused('23503'), { integrity: true })).toBe(true);
    // Commands: two deliveries racing to answer collide on a key, and must be retried.
    expect(isPermanent(refused('23505'))).toBe(false);
  });

  it('parks what the code itself refuses or cannot read', () => {
    expect(isPermanent(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(
      true,
    );
    expect(
      isPermanent(new HuishangError('KIT_INVALID_INPUT', 'BAD_USER_INPUT', '无效 / invalid')),
    ).toBe(true);
  });

  it('gives up on a message that keeps failing, whatever the failure', () => {
    expect(outOfAttempts({ info: { deliveryCount: maxAttempts - 1 } })).toBe(false);
    expect(outOfAttempts({ info: { deliveryCount: maxAttempts } })).toBe(true);
  });
});
