import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  defineErrors,
  errorTableProblems,
  HuishangError,
  InvalidIdentityError,
  schemaErrorCodes,
  UnknownRegionError,
} from './errors.js';

const errors = defineErrors('TEST_', {
  TEST_REFUSED: {
    category: 'BAD_USER_INPUT',
    describe: (reason: string, code: number) => ({
      zh: '拒绝',
      en: `refused: ${reason}`,
      fields: { reason, code, detail: 1 },
    }),
  },
  TEST_BARE: {
    category: 'NOT_FOUND',
    describe: () => ({ message: '没有 / none' }),
  },
});
class RefusedError extends errors.classes.TEST_REFUSED {}
class BareError extends errors.classes.TEST_BARE {}

describe('defineErrors', () => {
  it('keeps code and reason in extensions when fields are named reason and code', () => {
    const error = new RefusedError('data/caller/roles/0 must be string', 7);
    expect(error.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'TEST_REFUSED',
      fields: { reason: 'data/caller/roles/0 must be string', code: 7, detail: 1 },
    });
  });

  it('builds classes with the declared code, category, message and name', () => {
    const error = new RefusedError('x', 1);
    expect(error).toBeInstanceOf(HuishangError);
    expect(error).toBeInstanceOf(RefusedError);
    expect(error).toMatchObject({ code: 'TEST_REFUSED', category: 'BAD_USER_INPUT' });
    expect(error.message).toBe('拒绝 / refused: x');
    expect(error.name).toBe('RefusedError');
    expect(new BareError().extensions).toEqual({ code: 'NOT_FOUND', reason: 'TEST_BARE' });
    expect(new BareError().message).toBe('没有 / none');
  });

  it('keeps the constructor parameters and field types of the declaration', () => {
    expectTypeOf(RefusedError).constructorParameters.toEqualTypeOf<[string, number]>();
    expectTypeOf(new RefusedError('x', 1).fields.code).toEqualTypeOf<number>();
  });

  it('refuses a code without the prefix', () => {
    expect(() =>
      defineErrors('TEST_', {
        OTHER: { category: 'NOT_FOUND', describe: () => ({ message: '' }) },
      }),
    ).toThrow(/OTHER/);
  });

  it('keeps the cause', () => {
    const cause = new Error('jose');
    expect(new InvalidIdentityError('bad roles', cause).cause).toBe(cause);
  });
});

describe('errorTableProblems', () => {
  const table = (...rows: string[]) =>
    [
      '# x',
      '## Error codes',
      '| code | category | when |',
      '| - | - | - |',
      ...rows,
      '## Next',
      '| `TEST_BARE` | FORBIDDEN | elsewhere |',
    ].join('\n');

  it('is empty when the table lists every code with its category', () => {
    expect(
      errorTableProblems(
        errors,
        table('| `TEST_REFUSED` | BAD_USER_INPUT | a |', '| `TEST_BARE` | NOT_FOUND | b |'),
      ),
    ).toEqual([]);
  });

  it('names a missing, an undeclared, a repeated row and a wrong category', () => {
    expect(
      errorTableProblems(
        errors,
        table(
          '| `TEST_REFUSED` | CONFLICT | a |',
          '| `TEST_REFUSED` | BAD_USER_INPUT | a |',
          '| `TEST_GONE` | NOT_FOUND | b |',
        ),
      ),
    ).toEqual([
      'TEST_REFUSED is CONFLICT in the README but BAD_USER_INPUT in the declaration',
      'TEST_REFUSED is listed twice',
      'TEST_GONE is in the README but not declared',
      'TEST_BARE is declared but not in the README',
    ]);
  });
});

describe('schema errors', () => {
  it('are prefixed and unique', () => {
    expect(new Set(schemaErrorCodes).size).toBe(schemaErrorCodes.length);
    expect(new UnknownRegionError('999999').extensions).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'SCHEMA_UNKNOWN_REGION',
      fields: { region: '999999' },
    });
  });
});
