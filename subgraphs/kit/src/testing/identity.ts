import {
  type ForwardedIdentity,
  identityHeader,
  type Role,
  signForwardedIdentity,
} from '@huishang/schema';
import { developmentInternalSecret } from '../config.js';

/** Headers a gateway would send for this caller, signed with the development secret. */
export async function identityHeaders(
  caller: { region: string; roles?: Role[]; subject?: string; node?: string },
  secret = developmentInternalSecret,
): Promise<Record<string, string>> {
  const identity: ForwardedIdentity = {
    subject: caller.subject ?? `staff-${caller.region}`,
    region: caller.region,
    roles: caller.roles ?? ['staff'],
    node: caller.node ?? caller.region,
  };
  return { [identityHeader]: await signForwardedIdentity(identity, secret) };
}
