import { eventSubject } from '@huishang/schema';
import { authenticationOf } from '@huishang/subgraph-kit/bus';
import { startNatsServer } from '@huishang/subgraph-kit/testing';
import { jetstream } from '@nats-io/jetstream';
import {
  connect,
  type NatsConnection,
  PermissionViolationError,
  RequestError,
} from '@nats-io/transport-node';
import { afterAll, describe, expect, it } from 'vitest';
import { adminUser, buildNatsConfig, systemUser } from '../src/nats/accounts.js';
import { createNodeKey } from '../src/nats/node-keys.js';
import { provisionStreams } from '../src/nats/streams.js';

// Production identities: each node signs in with its own nkey seed; the server's config
// holds only public keys (Nanxun's two while its key is rotated) and the admin's password.
const nanxunOld = createNodeKey();
const nanxunNew = createNodeKey();
const deqing = createNodeKey();
const adminPassword = 'admin-password-of-this-test-0123456789';
const secrets = {
  [systemUser]: 'sys-password-of-this-test-0123456789',
  [adminUser('330000')]: adminPassword,
  '330503': [nanxunOld.publicKey, nanxunNew.publicKey],
  '330521': deqing.publicKey,
};
const config = buildNatsConfig(['330503', '330521'], secrets);
const server = await startNatsServer({ config });
const connections: NatsConnection[] = [];
afterAll(async () => {
  await Promise.all(connections.map((c) => c.close()));
  await server.dispose();
});

/** Connects as the kit's bus does, with a node's seed. */
async function connectWithSeed(seed: string, region: string) {
  const nc = await connect({
    servers: server.url,
    inboxPrefix: `_INBOX_${region}`,
    ...authenticationOf({ nkeySeed: seed }).options,
  });
  connections.push(nc);
  return nc;
}

const admin = await connect({
  servers: server.url,
  user: adminUser('330000'),
  pass: adminPassword,
});
connections.push(admin);
await provisionStreams(admin, '330000');

describe('node identities by nkey', () => {
  it('keeps no node secret in the configuration, only public keys', () => {
    expect(config).toContain(`nkey: "${deqing.publicKey}"`);
    expect(config).not.toContain(deqing.seed);
    expect(config).not.toContain('user: "330521"');
  });

  it('lets a node in with its own seed, with either key while its key is rotated', async () => {
    for (const key of [nanxunOld, nanxunNew]) {
      const nanxun = await connectWithSeed(key.seed, '330503');
      const ack = await jetstream(nanxun).publish(
        eventSubject('330503', 'proposal', 'submitted'),
        '{}',
      );
      expect(ack.stream).toBe('CPPCC_EVT_330000');
    }
  });

  it('refuses a seed the configuration does not know, and a node speaking for another', async () => {
    await expect(connectWithSeed(createNodeKey().seed, '330503')).rejects.toThrow(/authorization/i);
    const nanxun = await connectWithSeed(nanxunNew.seed, '330503');
    const error = await jetstream(nanxun)
      .publish(eventSubject('330521', 'proposal', 'submitted'), '{}')
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(RequestError);
    expect((error as Error).cause).toBeInstanceOf(PermissionViolationError);
  });

  it('refuses a password for a node that has an nkey, and a mix of both', () => {
    expect(() =>
      buildNatsConfig(['330503'], { ...secrets, '330503': ['a-password', nanxunNew.publicKey] }),
    ).toThrow('user 330503 needs one password, or one or more nkeys');
  });
});
