import { provinceOf } from '@huishang/schema';
import { ensureStreams } from '@huishang/subgraph-kit/bus';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { adminCredentials, type NatsSecrets } from './accounts.js';

/**
 * Creates a province's streams (the kit's `ensureStreams`: CPPCC_EVT_, CPPCC_CMD_ and
 * CPPCC_CMDRES_<province>), or brings them to their configuration; safe at every start.
 * `admin` is a connection of the account's admin user: node users may not create streams,
 * so a node's own `ensureStreams` at start-up finds them and changes nothing.
 */
export async function provisionStreams(admin: NatsConnection, province: string): Promise<string[]> {
  return ensureStreams(await jetstreamManager(admin), province);
}

/**
 * Provisions the streams of every province the nodes belong to, connecting to `url` as
 * each account's admin: what the demo and tests run after `ensureNats`.
 */
export async function provisionAccounts(
  url: string,
  nodes: string[],
  secrets?: NatsSecrets,
): Promise<void> {
  for (const province of new Set(nodes.map(provinceOf))) {
    const admin = await connect({ servers: url, ...adminCredentials(province, secrets) });
    try {
      await provisionStreams(admin, province);
    } finally {
      await admin.close();
    }
  }
}
