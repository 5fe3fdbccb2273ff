import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nkeys } from '@nats-io/transport-node';
import { describe, expect, it } from 'vitest';
import { developmentInternalSecret, readSubgraphConfig } from './config.js';
import { InvalidConfigError } from './errors.js';

const read = (env: NodeJS.ProcessEnv) => readSubgraphConfig(env, { port: 4001 });
/** A development node's switch, so these cases need no real internal secret. */
const dev = { HUISHANG_DEV: '1' };

describe('subgraph config', () => {
  it('runs the node alone when no NATS_URL is given', () => {
    expect(read(dev).bus).toBeUndefined();
  });

  it('reads the bus from NATS_URL, NATS_USER and NATS_PASSWORD', () => {
    const config = read({
      ...dev,
      NATS_URL: 'nats://127.0.0.1:4222',
      NATS_USER: 'zhejiang-330503',
      NATS_PASSWORD: 's3cret',
    });
    expect(config.bus).toEqual({
      servers: 'nats://127.0.0.1:4222',
      user: 'zhejiang-330503',
      pass: 's3cret',
      provisionStreams: true,
    });
  });

  it("reads a node's nkey seed from NATS_NKEY_SEED_FILE, and refuses a file without one", () => {
    const dir = mkdtempSync(join(tmpdir(), 'huishang-nkey-'));
    const seed = new TextDecoder().decode(nkeys.createUser().getSeed());
    writeFileSync(join(dir, '330503.nk'), `${seed}\n`);
    writeFileSync(join(dir, 'wrong.nk'), 'change-me\n');
    const bus = (file: string) =>
      read({ ...dev, NATS_URL: 'nats://n:4222', NATS_NKEY_SEED_FILE: join(dir, file) }).bus;
    expect(bus('330503.nk')?.nkeySeed).toBe(seed);
    expect(() => bus('wrong.nk')).toThrow(/holds no user nkey seed/);
    expect(
      read({ ...dev, NATS_URL: 'nats://n:4222', NATS_CONSUMER_CHECK_MS: '5000' }).bus,
    ).toMatchObject({ consumerCheckMs: 5000 });
    expect(() => read({ ...dev, NATS_URL: 'nats://n:4222', NATS_CONSUMER_CHECK_MS: '0' })).toThrow(
      'NATS_CONSUMER_CHECK_MS: must be 100 or more, not 0',
    );
  });

  it('leaves streams to infra in production unless told otherwise', () => {
    const production = {
      NATS_URL: 'nats://n:4222',
      NODE_ENV: 'production',
      HUISHANG_INTERNAL_SECRET: 'a-real-secret-of-at-least-32-bytes',
    };
    expect(read(production).bus?.provisionStreams).toBe(false);
    expect(read({ ...production, NATS_PROVISION_STREAMS: 'true' }).bus?.provisionStreams).toBe(
      true,
    );
    expect(() =>
      read({ ...dev, NATS_URL: 'nats://n:4222', NATS_PROVISION_STREAMS: 'yes' }),
    ).toThrow('NATS_PROVISION_STREAMS: must be true or false');
  });

  it('reads how long a command waits for its owner, at most three seconds', () => {
    expect(read(dev).commandWaitMs).toBeUndefined();
    expect(read({ ...dev, HUISHANG_COMMAND_WAIT_MS: '500' }).commandWaitMs).toBe(500);
    expect(() => read({ ...dev, HUISHANG_COMMAND_WAIT_MS: '10000' })).toThrow(
      'HUISHANG_COMMAND_WAIT_MS: must be 0 to 3000',
    );
  });

  it('refuses a malformed value with a coded error naming its variable', () => {
    let refusal: unknown;
    try {
      read({ ...dev, HUISHANG_REMINDER_SWEEP_MS: '10' });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(InvalidConfigError);
    expect((refusal as InvalidConfigError).extensions).toEqual({
      code: 'INTERNAL_SERVER_ERROR',
      reason: 'KIT_INVALID_CONFIG',
      fields: { variable: 'HUISHANG_REMINDER_SWEEP_MS' },
    });
  });

  it('sweeps for reminders every minute unless HUISHANG_REMINDER_SWEEP_MS says otherwise', () => {
    expect(read(dev).reminderSweepMs).toBe(60_000);
    expect(read({ ...dev, HUISHANG_REMINDER_SWEEP_MS: '0' }).reminderSweepMs).toBe(0);
    expect(read({ ...dev, HUISHANG_REMINDER_SWEEP_MS: '5000' }).reminderSweepMs).toBe(5000);
    expect(() => read({ ...dev, HUISHANG_REMINDER_SWEEP_MS: '10' })).toThrow(
      'HUISHANG_REMINDER_SWEEP_MS: must be 0 or 1000 or more, not 10',
    );
  });

  it('refuses to start without a fit internal secret unless HUISHANG_DEV=1', () => {
    expect(() => read({})).toThrow(/HUISHANG_INTERNAL_SECRET: required/);
    expect(() => read({ HUISHANG_INTERNAL_SECRET: 'change-me' })).toThrow(/placeholder/);
    expect(() => read({ HUISHANG_INTERNAL_SECRET: 'short' })).toThrow(/shorter than 32 bytes/);
    expect(read(dev).internalSecret).toBe(developmentInternalSecret);
  });
});
