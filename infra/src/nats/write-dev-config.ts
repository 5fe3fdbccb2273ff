// `npm run nats:config -w @huishang/infra`: regenerates infra/nats/dev.conf from the demo's nodes.
import { writeFileSync } from 'node:fs';
import { devNatsConfig, devNatsConfigPath } from './dev.js';

writeFileSync(devNatsConfigPath, devNatsConfig());
console.log(`wrote ${devNatsConfigPath}`);
