import { readFileSync } from 'node:fs';
import {
  commandResultSubject,
  commandSubject,
  eventSubject,
  resyncSubject,
  sharedEventSubject,
} from '@huishang/schema';
import { type DurableSpec, ensureStreams } from '@huishang/subgraph-kit/bus';
import { startNatsServer, waitUntil } from '@huishang/subgraph-kit/testing';
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import {
  connect,
  type NatsConnection,
  PermissionViolationError,
  RequestError,
} from '@nats-io/transport-node';
import { afterAll, describe, expect, it } from 'vitest';
import {
  adminCredentials,
  devSecret,
  type NatsCredentials,
  nodeCredentials,
  systemUser,
} from '../src/nats/accounts.js';
import { devNatsConfigPath } from '../src/nats/dev.js';
import { nodeConsumers } from '../src/nats/permissions.js';
import { provisionStreams } from '../src/nats/streams.js';

// The checked-in development configuration, on a server of this file's own; the kit's
// helper passes -a/-p/-js/-sd on the command line and the file supplies the accounts.
const server = await startNatsServer({ config: readFileSync(devNatsConfigPath, 'utf8') });
const connections: NatsConnection[] = [];
afterAll(async () => {
  await Promise.all(connections.map((c) => c.close()));
  await server.dispose();
});

async function connectAs(credentials: NatsCredentials): Promise<NatsConnection> {
  const nc = await connect({ servers: server.url, ...credentials });
  connections.push(nc);
  return nc;
}

const zjAdmin = await connectAs(adminCredentials('330000'));
const jsAdmin = await connectAs(adminCredentials('320000'));
const shAdmin = await connectAs(adminCredentials('310000'));
for (const [admin, province] of [
  [zjAdmin, '330000'],
  [jsAdmin, '320000'],
  [shAdmin, '310000'],
] as const)
  await provisionStreams(admin, province);

const nanxun = await connectAs(nodeCredentials('330503'));
const wujiang = await connectAs(nodeCredentials('320509'));
const jiangsu = await connectAs(nodeCredentials('320000'));

/** Subjects of the core messages an account's connection receives on `filter`. */
async function watch(nc: NatsConnection, filter: string): Promise<string[]> {
  const seen: string[] = [];
  nc.subscribe(filter, {
    callback: (_error, msg) => {
      seen.push(msg.subject);
    },
  });
  await nc.flush();
  return seen;
}

/**
 * What a `watch` on `nc` saw before `marker`, a subject its filter takes, published on `nc`
 * now: the server routes a message to every subscriber as it takes it, so once the marker is
 * back, whatever was routed to `seen` before (and so would be a leak) is in it.
 */
async function seenBefore(nc: NatsConnection, seen: string[], marker: string): Promise<string[]> {
  nc.publish(marker);
  await waitUntil(() => seen.includes(marker), { what: `the marker ${marker}`, ms: 10_000 });
  return seen.slice(0, seen.indexOf(marker));
}

/** One of the durable consumers a node runs (and is granted), by the end of its name. */
function grantOf(region: string, suffix: string): DurableSpec {
  const spec = nodeConsumers(region).find((c) => c.name.endsWith(suffix));
  if (!spec) throw new Error(`node ${region} runs no consumer *${suffix}`);
  return spec;
}

/** Reads the next message through one of the node's own durable consumers, as `nc`'s user. */
async function readDurably(nc: NatsConnection, { stream, name, filter }: DurableSpec) {
  const jsm = await jetstreamManager(nc);
  await jsm.consumers.add(stream, {
    durable_name: name,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    filter_subject: filter,
  });
  const consumer = await jetstream(nc).consumers.get(stream, name);
  const msg = await consumer.next({ expires: 2000 });
  await msg?.ackAck();
  return msg;
}

/** Messages per subject in an account's stream. */
async function storedIn(admin: NatsConnection, stream: string): Promise<Record<string, number>> {
  const jsm = await jetstreamManager(admin);
  const info = await jsm.streams.info(stream, { subjects_filter: '>' });
  return info.state.subjects ?? {};
}

const permissionViolation = async (attempt: Promise<unknown>) => {
  const error = await attempt.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RequestError);
  expect((error as Error).cause).toBeInstanceOf(PermissionViolationError);
};

describe('NATS accounts per province', () => {
  it('gives each province its own JetStream with its own streams', async () => {
    for (const [admin, province] of [
      [zjAdmin, '330000'],
      [jsAdmin, '320000'],
      [shAdmin, '310000'],
    ] as const) {
      const jsm = await jetstreamManager(admin);
      expect((await jsm.getAccountInfo()).limits.max_streams).toBe(16);
      const names: string[] = [];
      for await (const name of jsm.streams.names()) names.push(name);
      expect(names.sort()).toEqual(
        [
          `CPPCC_CMDRES_${province}`,
          `CPPCC_CMD_${province}`,
          `CPPCC_EVT_${province}`,
          `CPPCC_RESYNC_${province}`,
        ].sort(),
      );
      const { config } = await jsm.streams.info(`CPPCC_EVT_${province}`);
      expect(config.subjects).toEqual([`cppcc.evt.${province}.>`, `cppcc.share.${province}.>`]);
      expect(config.duplicate_window).toBe(3_600_000_000_000);
    }
    const sys = await connectAs({ user: systemUser, pass: devSecret(systemUser) });
    await expect(jetstreamManager(sys)).rejects.toThrow(/not enabled/i);
  });

  it("keeps Zhejiang's proposal events from Jiangsu's node and account", async () => {
    const inZhejiang = await watch(zjAdmin, 'cppcc.evt.>');
    const inJiangsu = await watch(jsAdmin, '>');
    const subject = eventSubject('330503', 'proposal', 'submitted');
    expect(subject).toBe('cppcc.evt.330000.330500.330503.proposal.submitted');

    const ack = await jetstream(nanxun).publish(subject, '{}', { msgID: 'proposal-1' });
    expect(ack.stream).toBe('CPPCC_EVT_330000');
    expect(await seenBefore(zjAdmin, inZhejiang, 'cppcc.evt.marker')).toEqual([subject]);
    expect(await seenBefore(jsAdmin, inJiangsu, 'marker')).toEqual([]);
    expect(await storedIn(jsAdmin, 'CPPCC_EVT_320000')).toEqual({});
    // Jiangsu's node cannot reach Zhejiang's stream either: its account has none such.
    const jsm = await jetstreamManager(jiangsu);
    await expect(jsm.streams.info('CPPCC_EVT_330000')).rejects.toThrow(/stream not found/);
  });

  it('lets a county publish only as itself, never as another county or its city', async () => {
    const js = jetstream(nanxun);
    await permissionViolation(js.publish(resyncSubject('330500', 'proposals'), '{}'));
    await permissionViolation(js.publish(eventSubject('330521', 'proposal', 'submitted'), '{}'));
    await permissionViolation(js.publish(eventSubject('330500', 'proposal', 'submitted'), '{}'));
    await permissionViolation(js.publish(sharedEventSubject('320000', '330521', 'created'), '{}'));
    const stored = Object.keys(await storedIn(zjAdmin, 'CPPCC_EVT_330000'));
    expect(stored.filter((s) => !s.startsWith('cppcc.evt.330000.330500.330503.'))).toEqual([]);
  });

  it('leaves stream provisioning to the account admin', async () => {
    const jsm = await jetstreamManager(nanxun);
    await permissionViolation(jsm.streams.add({ name: 'ROGUE', subjects: ['cppcc.evt.330000.>'] }));
    await permissionViolation(jsm.streams.delete('CPPCC_EVT_330000'));
    // A node's own start-up provisioning finds the admin's streams and changes nothing.
    await expect(ensureStreams(jsm, '330000')).resolves.toHaveLength(4);
    expect(await provisionStreams(zjAdmin, '330000')).toEqual([
      'CPPCC_EVT_330000',
      'CPPCC_CMD_330000',
      'CPPCC_CMDRES_330000',
      'CPPCC_RESYNC_330000',
    ]);
  });

  it("delivers a joint-session event Nanxun shares with Jiangsu to Jiangsu's stream, not to Shanghai", async () => {
    const inJiangsu = await watch(jsAdmin, 'cppcc.share.>');
    const inShanghai = await watch(shAdmin, '>');
    const subject = sharedEventSubject('320000', '330503', 'created');
    expect(subject).toBe('cppcc.share.320000.330000.330500.330503.joint-session.created');

    // The ack comes from Jiangsu's stream, back across the accounts.
    const js = jetstream(nanxun);
    const ack = await js.publish(subject, '{"jointSession":"xunwu"}', { msgID: 'share-1' });
    expect(ack).toMatchObject({ stream: 'CPPCC_EVT_320000', duplicate: false });
    // A relay publishing it again after a crash is de-duplicated by the event id.
    expect((await js.publish(subject, '{}', { msgID: 'share-1' })).duplicate).toBe(true);
    expect(await seenBefore(jsAdmin, inJiangsu, 'cppcc.share.marker')).toEqual([subject, subject]);
    expect(await storedIn(jsAdmin, 'CPPCC_EVT_320000')).toEqual({ [subject]: 1 });
    expect(await seenBefore(shAdmin, inShanghai, 'marker')).toEqual([]);
    expect(await storedIn(shAdmin, 'CPPCC_EVT_310000')).toEqual({});

    // Jiangsu's node reads it with its own, node-level permissions.
    const read = await readDurably(wujiang, grantOf('320509', 'joint_sessions_320509-shared'));
    expect(read?.string()).toBe('{"jointSession":"xunwu"}');
  });

  it("puts Wujiang's command to Nanxun's joint session in Zhejiang's command stream and returns the result", async () => {
    const command = commandSubject('330503', 'joint-session', 'agree-stage', '320509');
    const ack = await jetstream(wujiang).publish(command, '{"caller":"320509"}', {
      msgID: 'command-1',
    });
    expect(ack.stream).toBe('CPPCC_CMD_330000');

    const received = await readDurably(nanxun, grantOf('330503', '-commands-joint-session'));
    expect(received?.subject).toBe(command);

    const result = commandResultSubject('320509', 'command-1', '330503');
    const resultAck = await jetstream(nanxun).publish(result, '{"ok":true}', {
      msgID: 'result-1',
    });
    expect(resultAck.stream).toBe('CPPCC_CMDRES_320000');
    const answer = await readDurably(
      wujiang,
      grantOf('320509', 'joint_sessions_320509-command-results'),
    );
    expect(answer?.string()).toBe('{"ok":true}');
  });

  it('lets a node send commands and answers only as itself, across accounts too', async () => {
    const js = jetstream(nanxun);
    // Nanxun's user posing as the province (the sender's tokens), or answering as Deqing.
    await permissionViolation(
      js.publish(commandSubject('330521', 'supervision-task', 'dispatch', '330000'), '{}'),
    );
    await permissionViolation(
      js.publish(commandResultSubject('330000', 'command-2', '330521'), '{}'),
    );
    // Nor anything under cppcc.cmd that is no command an owner takes.
    await permissionViolation(
      js.publish('cppcc.cmd.330000.330500.330521.junk.fill.330000.330500.330503', '{}'),
    );
    // Wujiang, through Jiangsu's import of Zhejiang's export, cannot pose as a Zhejiang node.
    await permissionViolation(
      jetstream(wujiang).publish(
        commandSubject('330503', 'joint-session', 'agree-stage', '330521'),
        '{}',
      ),
    );
  });

  it("keeps a county off other nodes' consumers and deliveries", async () => {
    const jsm = await jetstreamManager(nanxun);
    const huzhou = grantOf('330500', 'proposals_330500-proposal');
    // Its own consumer on the province's events, any name, any filter: refused.
    await permissionViolation(
      jsm.consumers.add('CPPCC_EVT_330000', {
        durable_name: 'nanxun-overhears',
        ack_policy: AckPolicy.Explicit,
        filter_subject: 'cppcc.evt.330000.>',
      }),
    );
    // Huzhou's replica consumer: neither deleted, nor made under its name, nor read.
    const huzhouNode = await connectAs(nodeCredentials('330500'));
    await readDurably(huzhouNode, huzhou);
    await permissionViolation(jsm.consumers.delete(huzhou.stream, huzhou.name));
    await permissionViolation(
      jsm.consumers.add(huzhou.stream, {
        durable_name: huzhou.name,
        ack_policy: AckPolicy.Explicit,
        filter_subject: 'cppcc.evt.330000.330500.330503.proposal.*',
      }),
    );
    await permissionViolation(jsm.consumers.info(huzhou.stream, huzhou.name));
    await permissionViolation(
      nanxun.request(`$JS.API.CONSUMER.MSG.NEXT.${huzhou.stream}.${huzhou.name}`, '{"batch":1}'),
    );
    // Deliveries go to each node's own inbox prefix; a subscription to another's is refused.
    const refused = new Promise((resolve) => {
      nanxun.subscribe('_INBOX_330500.>', { callback: (error) => resolve(error) });
    });
    expect(await refused).toBeInstanceOf(PermissionViolationError);
  });

  it('refuses a partner command to anything but a joint session', async () => {
    const inZhejiang = await watch(zjAdmin, 'cppcc.cmd.>');
    const stored = await storedIn(zjAdmin, 'CPPCC_CMD_330000');
    const refused = jetstream(wujiang).publish(
      commandSubject('330503', 'supervision-task', 'dispatch', '320509'),
      '{}',
      {
        timeout: 1000,
      },
    );
    await expect(refused).rejects.toThrow(/timeout|no responders/i);
    expect(inZhejiang).toEqual([]);
    expect(await storedIn(zjAdmin, 'CPPCC_CMD_330000')).toEqual(stored);
  });
});
