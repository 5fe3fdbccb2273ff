import { parseArgs } from 'node:util';
import type { Role } from '@huishang/schema';

export const mintUsage = `usage: node gateway/dist/mint-token.js --region <code> --roles <role,…> [--subject <name>] [--expires <period>]
  --region   the caller's region, e.g. 330503 (南浔区)
  --roles    comma-separated: public, reader, member, unit, staff, admin
  --subject  who the token names: a member id, a unit name (default: dev-<region>)
  --expires  lifetime such as 30m, 12h, 7d (default: 12h)
The JWT settings come from JWT_SECRET, JWT_ISSUER and JWT_AUDIENCE, as the gateway reads them.`;

export interface MintRequest {
  subject: string;
  region: string;
  roles: Role[];
  expiresIn: string;
}

/** Reads the CLI's arguments; throws a TypeError naming what is wrong (unknown regions are found when minting). */
export function parseMintArgs(argv: string[]): MintRequest {
  const { values } = parseArgs({
    args: argv,
    options: {
      region: { type: 'string' },
      roles: { type: 'string' },
      subject: { type: 'string' },
      expires: { type: 'string', default: '12h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (!values.region) throw new TypeError('--region is required');
  if (!values.roles) throw new TypeError('--roles is required');
  return {
    region: values.region,
    // mintToken checks each is a known role
    roles: values.roles.split(',').map((r) => r.trim()) as Role[],
    subject: values.subject ?? `dev-${values.region}`,
    expiresIn: values.expires,
  };
}
