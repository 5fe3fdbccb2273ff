import { connect } from '@nats-io/transport-node';
import { expect, it } from 'vitest';
import { startNatsServer } from '../src/testing/nats-server.js';

it('starts a JetStream nats-server on a port of its own and restarts it', async () => {
  const server = await startNatsServer();
  try {
    const nc = await connect({ servers: server.url });
    expect(nc.info?.jetstream).toBe(true);
    await nc.close();
    await server.restart();
    const again = await connect({ servers: server.url });
    await again.close();
  } finally {
    await server.dispose();
  }
});
