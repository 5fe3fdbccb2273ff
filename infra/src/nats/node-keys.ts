import { nkeys } from '@nats-io/transport-node';

/** A node's NATS identity for production: the seed stays on the node, the public key goes in the config. */
export interface NodeKey {
  /** `SU…`: the node's NATS_NKEY_SEED_FILE holds it, and nothing else does. */
  seed: string;
  /** `U…`: its entry in `buildNatsConfig`'s secrets. */
  publicKey: string;
}

/** A new user nkey (ed25519), as `nk -gen user -pubout` makes one. */
export function createNodeKey(): NodeKey {
  const pair = nkeys.createUser();
  return { seed: new TextDecoder().decode(pair.getSeed()), publicKey: pair.getPublicKey() };
}
