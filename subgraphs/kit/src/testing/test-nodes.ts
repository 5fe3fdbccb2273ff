import type { SubgraphModule } from '../app.js';
import type { DisconnectableClient } from '../database.js';
import { type NatsServer, startNatsServer } from './nats-server.js';
import { startTestSubgraph, type TestSubgraph } from './test-subgraph.js';
import { waitUntil } from './wait.js';

export interface TestNodes<C> {
  nats: NatsServer;
  /** Starts the node of `region` (its own database) and resolves once its bus runs. */
  start(region: string): Promise<TestSubgraph<C>>;
  /** Closes every node started, then the nats-server. */
  close(): Promise<void>;
}

/**
 * Committees as nodes of their own, each hosting one region on its own database, on one
 * nats-server of their own: how they replicate and exchange commands in production.
 * Databases are labelled `<label>_<region>`.
 */
export async function startTestNodes<C extends DisconnectableClient, X extends object>(
  module: SubgraphModule<C, X>,
  options: { label: string },
): Promise<TestNodes<C>> {
  const nats = await startNatsServer();
  const nodes: TestSubgraph<C>[] = [];
  return {
    nats,
    async start(region) {
      const node = await startTestSubgraph(module, {
        regions: [region],
        label: `${options.label}_${region}`,
        bus: { servers: nats.url },
      });
      nodes.push(node);
      await node.started();
      return node;
    },
    async close() {
      for (const node of nodes) await node.close();
      await nats.dispose();
    },
  };
}

/** A command receipt as a mutation returns it. */
export interface TestCommandReceipt {
  id: string;
  status: string;
}

/**
 * The owner's answer to a command `sent` to it. The sender waits only briefly for it, so on
 * a loaded machine the receipt may still say PENDING; then the command's status (read with
 * `status`) is polled until the owner has answered.
 */
export async function answerOf<R extends TestCommandReceipt>(
  sent: R,
  status: (id: string) => Promise<R | null>,
  ms = 20_000,
): Promise<R> {
  let answer = sent;
  await waitUntil(
    async () => {
      if (answer.status === 'PENDING') answer = (await status(sent.id)) ?? answer;
      return answer.status !== 'PENDING';
    },
    { what: `the owner's answer to command ${sent.id}`, ms },
  );
  return answer;
}
