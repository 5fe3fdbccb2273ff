import { describe, expect, it } from 'vitest';
import { isRevoked, parseRevocations } from './revocations.js';

const at = (iso: string) => Date.parse(iso) / 1000;

describe('revocation lists', () => {
  const list = parseRevocations(
    JSON.stringify({ tokens: ['t-1'], subjects: { 李明: '2026-12-03T10:00:00Z' } }),
  );

  it('revokes a listed jti', () => {
    expect(isRevoked(list, { jti: 't-1', sub: 'wang', iat: at('2026-12-03T11:00:00Z') })).toBe(
      true,
    );
    expect(isRevoked(list, { jti: 't-2', sub: 'wang', iat: at('2026-12-03T11:00:00Z') })).toBe(
      false,
    );
  });

  it("revokes a subject's tokens issued before its time, not after", () => {
    expect(isRevoked(list, { sub: '李明', iat: at('2026-12-03T09:59:59Z') })).toBe(true);
    expect(isRevoked(list, { sub: '李明', iat: at('2026-12-03T10:00:00Z') })).toBe(false);
  });

  it('reads an empty list and refuses a malformed one', () => {
    expect(parseRevocations('{}').tokens.size).toBe(0);
    expect(() => parseRevocations('[1]')).toThrow(/not a JSON object/);
    expect(() => parseRevocations('{"tokens": [1]}')).toThrow(/jti strings/);
    expect(() => parseRevocations('{"subjects": {"li": "soon"}}')).toThrow(/not a date-time/);
    expect(() => parseRevocations('null')).toThrow(/not a JSON object/);
    expect(() => parseRevocations('{')).toThrow(SyntaxError);
  });
});
