import { parseArgs } from 'node:util';
import type { Role } from '@huishang/schema';

export const mintUsage = `usage: node gateway/dist/mint-token.js --region <code> --roles <role,…> [--subject <name>] [--nodes <code,…>] [--expires <period>] [--key <file>]
  --region   the caller's region, e.g. 330503 (南浔区)
  --roles    comma-separated: public, reader, member, unit, staff, admin
  --subject  who the token names: a member id, a unit name (default: dev-<region>)
  --nodes    the nodes the token is for, its audience (default: the region)
  --expires  lifetime such as 30m, 12h, 7d (default: 12h, 1h for admin; gateways refuse
             staff tokens older than 12 h and admin tokens older than 1 h anyway)
  --key      the private JWK to sign with (default: JWT_SIGNING_KEY_FILE; with
             HUISHANG_DEV=1 and neither, the development key in .demo-data/dev-keys/)
The issuer is JWT_ISSUER (with HUISHANG_DEV=1 by default huishang-development).`;

export interface MintRequest {
  subject: string;
  region: string;
  roles: Role[];
  nodes?: string[];
  expiresIn: string;
  keyFile?: string;
}

const list = (text: string) =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/** Reads the CLI's arguments; throws a TypeError naming what is wrong (unknown regions are found when minting). */
export function parseMintArgs(argv: string[]): MintRequest {
  const { values } = parseArgs({
    args: argv,
    options: {
      region: { type: 'string' },
      roles: { type: 'string' },
      subject: { type: 'string' },
      nodes: { type: 'string' },
      expires: { type: 'string' },
      key: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (!values.region) throw new TypeError('--region is required');
  if (!values.roles) throw new TypeError('--roles is required');
  // mintToken checks each is a known role
  const roles = list(values.roles) as Role[];
  return {
    region: values.region,
    roles,
    subject: values.subject ?? `dev-${values.region}`,
    ...(values.nodes && { nodes: list(values.nodes) }),
    expiresIn: values.expires ?? (roles.includes('admin') ? '1h' : '12h'),
    ...(values.key && { keyFile: values.key }),
  };
}
