import { type ConnectionOptions, nkeyAuthenticator, nkeys } from '@nats-io/transport-node';
import type { BusConfig, BusCredentials } from '../config.js';

/** How one connection authenticates, and a key naming who it is (for sharing it). */
export interface Authentication {
  options: Pick<ConnectionOptions, 'user' | 'pass' | 'authenticator'>;
  identity: string;
}

/**
 * A password (development, or a bcrypt hash on the server), or an nkey seed: the server
 * holds only the public key, so the seed is the node's own and no other node can mint it.
 */
export function authenticationOf(credentials: Partial<BusCredentials>): Authentication {
  if ('nkeySeed' in credentials && credentials.nkeySeed) {
    const seed = new TextEncoder().encode(credentials.nkeySeed);
    return {
      options: { authenticator: nkeyAuthenticator(seed) },
      identity: `nkey:${nkeys.fromSeed(seed).getPublicKey()}`,
    };
  }
  const { user, pass } = credentials as Partial<{ user: string; pass: string }>;
  return {
    options: { ...(user && { user }), ...(pass && { pass }) },
    identity: `user:${user ?? ''}`,
  };
}

/** The credentials of a process's one user for every region (NATS_USER/… or NATS_NKEY_SEED_FILE). */
export const sharedCredentials = (bus: BusConfig): Partial<BusCredentials> =>
  bus.nkeySeed
    ? { nkeySeed: bus.nkeySeed }
    : { ...(bus.user && { user: bus.user }), ...(bus.pass && { pass: bus.pass }) };
