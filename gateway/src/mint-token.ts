// Prints a development token: node gateway/dist/mint-token.js --region 330503 --roles staff
import { HuishangError } from '@huishang/schema';
import { loadGatewayConfig } from './config.js';
import { type MintRequest, mintUsage, parseMintArgs } from './mint-args.js';
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
  const { jwt } = loadGatewayConfig(process.env);
  const { expiresIn, ...claims } = request;
  console.log(await mintToken(claims, jwt, expiresIn));
} catch (error) {
  if (!(error instanceof HuishangError)) throw error;
  if (error.category === 'BAD_USER_INPUT') fail(error.message);
  // a config error (say, no JWT_SECRET in production) is not the caller's usage
  console.error(error.message);
  process.exit(1);
}
