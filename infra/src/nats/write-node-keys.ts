import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getCommitteeRegion } from '@huishang/schema';
import { createNodeKey } from './node-keys.js';

// `npm run nats:keys -w @huishang/infra -- <dir> <region>…`: a new nkey per node, the seed
// in <dir>/<region>.nk (readable by its owner only; copy it to that node alone), and the
// public keys printed as JSON for buildNatsConfig's secrets.
const [dir, ...regions] = process.argv.slice(2);
if (!dir || regions.length === 0) {
  console.error('usage: nats:keys <dir> <region>…');
  process.exit(2);
}
mkdirSync(dir, { recursive: true, mode: 0o700 });
const publicKeys: Record<string, string> = {};
for (const region of regions) {
  getCommitteeRegion(region);
  const key = createNodeKey();
  writeFileSync(join(dir, `${region}.nk`), `${key.seed}\n`, { mode: 0o600, flag: 'wx' });
  publicKeys[region] = key.publicKey;
}
console.log(JSON.stringify(publicKeys, null, 2));
