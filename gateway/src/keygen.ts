// Generates a callers' signing key pair: node gateway/dist/keygen.js --jwks callers.jwks.json --out keys/
// The private JWK goes to --out (mode 0600) for the issuer; its public half is added to the
// JWKS file the gateways read, beside the keys already there (rotation by kid).
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { JSONWebKeySet } from 'jose';
import { generateSigningKey, type TokenAlgorithm, tokenAlgorithms } from './signing-keys.js';

const usage = `usage: node gateway/dist/keygen.js --jwks <file> --out <dir> [--alg ES256|EdDSA]
  --jwks  the callers' JWKS (JWT_JWKS_FILE): the new public key is added, the others kept
  --out   folder for the private key, written as <kid>.private.jwk.json (JWT_SIGNING_KEY_FILE)
  --alg   ES256 (default) or EdDSA
Retire a key by deleting its entry from the JWKS once its last token is past the maximum age.`;

let values: { jwks?: string; out?: string; alg?: string };
try {
  ({ values } = parseArgs({
    options: { jwks: { type: 'string' }, out: { type: 'string' }, alg: { type: 'string' } },
    strict: true,
  }));
  if (!values.jwks || !values.out) throw new TypeError('--jwks and --out are required');
  if (values.alg && !tokenAlgorithms.includes(values.alg as TokenAlgorithm)) {
    throw new TypeError(`--alg must be ${tokenAlgorithms.join(' or ')}`);
  }
} catch (error) {
  console.error(`${(error as Error).message}\n\n${usage}`);
  process.exit(2);
}
const existing: JSONWebKeySet = await readFile(values.jwks, 'utf8').then(
  (text) => JSON.parse(text) as JSONWebKeySet,
  (error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return { keys: [] };
    throw error;
  },
);
const { privateJwk, publicJwk } = await generateSigningKey(
  (values.alg as TokenAlgorithm | undefined) ?? 'ES256',
);
const keyFile = join(values.out, `${privateJwk.kid}.private.jwk.json`);
await writeFile(keyFile, `${JSON.stringify(privateJwk)}\n`, { mode: 0o600, flag: 'wx' });
await writeFile(
  values.jwks,
  `${JSON.stringify({ keys: [...existing.keys, publicJwk] }, null, 2)}\n`,
);
console.log(`kid ${publicJwk.kid}\nprivate key ${keyFile}\npublic key added to ${values.jwks}`);
