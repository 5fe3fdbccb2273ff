import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gatewayErrorCodes } from './errors.js';

describe('gateway error codes', () => {
  it('are unique, prefixed and listed in the README', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(new Set(gatewayErrorCodes).size).toBe(gatewayErrorCodes.length);
    for (const code of gatewayErrorCodes) {
      expect(code).toMatch(/^GATEWAY_[A-Z_]+$/);
      expect(readme).toContain(`\`${code}\``);
    }
  });
});
