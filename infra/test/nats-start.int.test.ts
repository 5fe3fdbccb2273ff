import { connect } from '@nats-io/transport-node';
import { afterEach, describe, expect, it } from 'vitest';
import { buildNatsConfig, nodeCredentials } from '../src/nats/accounts.js';
import { ensureNats, natsAnswers } from '../src/nats/start.js';

const config = buildNatsConfig(['330503']);
const binary = process.env.NATS_SERVER_BIN;
afterEach(() => {
  if (binary === undefined) delete process.env.NATS_SERVER_BIN;
  else process.env.NATS_SERVER_BIN = binary;
});

describe('ensureNats', () => {
  it('starts nats-server with the accounts on a port of its own and stops it', async () => {
    const nats = await ensureNats({ config });
    expect(nats.started).toBe(true);
    const nanxun = await connect({ servers: nats.url, ...nodeCredentials('330503') });
    await nanxun.close();
    await nats.stop();
    expect(await natsAnswers(nats.url)).toBe(false);
  });

  it('uses the server at NATS_URL as it is and leaves it running', async () => {
    const running = await ensureNats({ config });
    try {
      const given = await ensureNats({ url: running.url, config });
      expect(given).toMatchObject({ url: running.url, started: false });
      await given.stop();
      expect(await natsAnswers(running.url)).toBe(true);
    } finally {
      await running.stop();
    }
  });

  it('says how to get a server when NATS_URL does not answer', async () => {
    await expect(ensureNats({ url: 'nats://127.0.0.1:1', config })).rejects.toThrow(
      /NATS at nats:\/\/127\.0\.0\.1:1 does not answer.*unset NATS_URL/,
    );
  });

  it('says how to get a server when nats-server is not installed', async () => {
    process.env.NATS_SERVER_BIN = '/nonexistent/nats-server';
    await expect(ensureNats({ config })).rejects.toThrow(
      /could not start nats-server.*apt-get install nats-server.*set NATS_URL/,
    );
  });
});
