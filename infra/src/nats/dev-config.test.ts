import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { devNatsConfig, devNatsConfigPath } from './dev.js';

it('keeps infra/nats/dev.conf in step with the demo nodes (npm run nats:config -w @huishang/infra)', () => {
  expect(readFileSync(devNatsConfigPath, 'utf8')).toBe(devNatsConfig());
});
