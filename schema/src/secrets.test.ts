import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isDevelopment, readSecret, secretProblem } from './secrets.js';

const strong = 'x'.repeat(32);
const read = (env: NodeJS.ProcessEnv) => readSecret(env, 'S', 'dev-value');

describe('readSecret', () => {
  it('falls back to the development value only with HUISHANG_DEV=1', () => {
    expect(read({ HUISHANG_DEV: '1' })).toBe('dev-value');
    expect(() => read({})).toThrow(/S: required/);
    expect(() => read({ NODE_ENV: 'development' })).toThrow(/S: required/);
  });

  it('refuses placeholders and short secrets outside development', () => {
    expect(() => read({ S: 'change-me' })).toThrow(/published placeholder/);
    expect(() => read({ S: 'huishang-development-internal-secret' })).toThrow(/placeholder/);
    expect(() => read({ S: 'x'.repeat(31) })).toThrow(/shorter than 32 bytes/);
    expect(read({ S: strong })).toBe(strong);
    expect(read({ S: 'change-me', HUISHANG_DEV: '1' })).toBe('change-me');
  });

  it('counts bytes, not characters', () => {
    expect(secretProblem('密'.repeat(11))).toBeUndefined();
    expect(secretProblem('密'.repeat(10))).toMatch(/shorter/);
  });

  it('refuses the development switch beside NODE_ENV=production, and odd values', () => {
    expect(() => isDevelopment({ HUISHANG_DEV: '1', NODE_ENV: 'production' })).toThrow(
      /together with NODE_ENV=production/,
    );
    expect(() => isDevelopment({ HUISHANG_DEV: 'yes' })).toThrow(/must be 1 or 0/);
    expect(isDevelopment({ HUISHANG_DEV: '0' })).toBe(false);
  });

  it('refuses every secret the example env files publish', () => {
    const example = readFileSync(
      new URL('../../infra/production/node.env.example', import.meta.url),
      'utf8',
    );
    const secrets = [...example.matchAll(/^[A-Z_]*SECRET=(.*)$/gm)].map((m) => m[1]);
    expect(secrets.length).toBeGreaterThan(0);
    for (const secret of secrets) expect(secretProblem(secret ?? '')).toBeDefined();
  });
});
