// Prints a caller's token: node gateway/dist/mint-token.js --region 330503 --roles staff
// (signed with a private key file, or with HUISHANG_DEV=1 the development key).
import { HuishangError } from '@huishang/schema';
import { loadMintConfig } from './config.js';
import { type MintRequest, mintUsage, parseMintArgs } from './mint-args.js';
import { developmentTokenIssuer, readTokenIssuer } from './signing-keys.js';
import { mintToken } from './token.js';

function fail(message: string): never {
  console.error(`${message}\n\n${mintUsage}`);
  process.exit(2);
}

if (process.argv.includes('--help')) {
  console.log(mintUsage);
  process.exit(0);
}
let request: MintRequest;
try {
  request = parseMintArgs(process.argv.slice(2));
} catch (error) {
  fail((error as Error).message);
}
try {
  const { expiresIn, keyFile, ...claims } = request;
  const config = loadMintConfig(
    keyFile ? { ...process.env, JWT_SIGNING_KEY_FILE: keyFile } : process.env,
  );
  const issuer =
    config.signingKey.kind === 'file'
      ? await readTokenIssuer(config.signingKey.path, config.issuer)
      : await developmentTokenIssuer(config.issuer);
  console.log(await mintToken(claims, issuer, { expiresIn }));
} catch (error) {
  if (!(error instanceof HuishangError)) throw error;
  if (error.category === 'BAD_USER_INPUT') fail(error.message);
  // a config error (say, no signing key outside development) is not the caller's usage
  console.error(error.message);
  process.exit(1);
}
