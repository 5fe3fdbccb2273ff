import { describe, expect, it } from 'vitest';
import { defaultLimits, loadLimits } from './limits.js';

describe('loading the limits', () => {
  it('keeps the schema, GraphiQL and the topology closed outside development', () => {
    const limits = loadLimits({});
    expect(limits).toMatchObject({ introspection: 'off', graphiql: false, readyDetails: 'off' });
    expect(limits.anonymous).toEqual(defaultLimits.anonymous);
    expect(loadLimits({ NODE_ENV: 'production' }).introspection).toBe('off');
    expect(limits.trustedProxies).toEqual([]);
    expect(
      loadLimits({ HUISHANG_TRUSTED_PROXIES: '10.0.0.1, 10.0.1.0/24' }).trustedProxies,
    ).toEqual(['10.0.0.1', '10.0.1.0/24']);
  });

  it('opens them with the development switch, or for staff when configured', () => {
    expect(loadLimits({ HUISHANG_DEV: '1' })).toMatchObject({
      introspection: 'on',
      graphiql: true,
      readyDetails: 'on',
    });
    const staff = loadLimits({ HUISHANG_INTROSPECTION: 'staff', HUISHANG_READY_DETAILS: 'staff' });
    expect(staff).toMatchObject({ introspection: 'staff', readyDetails: 'staff', graphiql: false });
    expect(loadLimits({ HUISHANG_DEV: '1', HUISHANG_GRAPHIQL: '0' }).graphiql).toBe(false);
  });

  it('reads budgets and rates', () => {
    const limits = loadLimits({
      HUISHANG_ANONYMOUS_DEPTH: '5',
      HUISHANG_SIGNED_IN_NODES: '9000',
      HUISHANG_RATE_ANONYMOUS_WRITES: '3/10m',
      HUISHANG_RATE_PER_ADDRESS: '100/30s',
      HUISHANG_DEADLINE_MS: '2500',
    });
    expect(limits.anonymous.depth).toBe(5);
    expect(limits.signedIn.nodes).toBe(9000);
    expect(limits.anonymousWrites).toEqual({ max: 3, windowMs: 600_000 });
    expect(limits.perAddress).toEqual({ max: 100, windowMs: 30_000 });
    expect(limits.deadlineMs).toBe(2500);
  });

  it('refuses malformed values, naming the variable', () => {
    expect(() => loadLimits({ HUISHANG_ANONYMOUS_NODES: '-1' })).toThrow(
      /HUISHANG_ANONYMOUS_NODES/,
    );
    expect(() => loadLimits({ HUISHANG_RATE_PER_TOKEN: 'lots' })).toThrow(
      /HUISHANG_RATE_PER_TOKEN/,
    );
    expect(() => loadLimits({ HUISHANG_INTROSPECTION: 'yes' })).toThrow(/HUISHANG_INTROSPECTION/);
  });
});
