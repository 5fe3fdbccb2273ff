import { readFileSync } from 'node:fs';
import { errorTableProblems } from '@huishang/schema';
import { describe, expect, it } from 'vitest';
import { CostLimitError, gatewayErrors } from './errors.js';

describe('gateway errors', () => {
  it('are declared as the README lists them', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(errorTableProblems(gatewayErrors, readme)).toEqual([]);
  });

  it('give each exceeded budget its own code', () => {
    expect(new CostLimitError('nodes', 10, 12).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'GATEWAY_TOO_MANY_NODES',
      fields: { limit: 'nodes', max: 10, found: 12 },
    });
  });
});
