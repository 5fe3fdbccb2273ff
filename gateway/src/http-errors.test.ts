import { describe, expect, it } from 'vitest';
import {
  BadRequestError,
  InternalError,
  IntrospectionOffError,
  RateLimitedError,
  RouteNotFoundError,
} from './errors.js';
import { boundedError } from './gateway.js';
import { statusOf } from './http-errors.js';

describe('refusals over HTTP', () => {
  it('take their status from their category, 429 for a rate limit', () => {
    expect(statusOf(new BadRequestError('x'))).toBe(400);
    expect(statusOf(new IntrospectionOffError())).toBe(403);
    expect(statusOf(new RouteNotFoundError())).toBe(404);
    expect(statusOf(new RateLimitedError('per address', 1500))).toBe(429);
    expect(statusOf(new InternalError())).toBe(500);
  });

  it('never carry a caller’s long input back in a GraphQL error', () => {
    const code = '3'.repeat(500_000);
    const bounded = boundedError({
      message: `unknown region code: ${code}`,
      extensions: { code: 'BAD_USER_INPUT', reason: code, fields: { region: code, max: 3 } },
    });
    expect(bounded.message.length).toBeLessThan(600);
    expect(String(bounded.extensions?.reason).length).toBeLessThan(600);
    const fields = bounded.extensions?.fields as { region: string; max: number };
    expect(fields.region.length).toBeLessThan(600);
    expect(fields.max).toBe(3);
    expect(bounded.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
