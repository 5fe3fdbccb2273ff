import { nodeInboxPrefix, provinceOf, type SubgraphName } from '@huishang/schema';
import { type JetStreamClient, jetstream } from '@nats-io/jetstream';
import fp from 'fastify-plugin';
import type { BusConfig, BusCredentials } from '../config.js';
import { schemaName } from '../database.js';
import type { RegionClient } from '../raw-sql.js';
import { Alarm, backoffMs } from './alarm.js';
import { type CommandConsumers, startCommandConsumers } from './commands/consumers.js';
import type { CommandHandler } from './commands/handler.js';
import { type SharedConnection, shareConnection } from './connections.js';
import { authenticationOf, sharedCredentials } from './credentials.js';
import type { Durable, DurableHealth } from './durable.js';
import { processOutboxRelay, type RelayStats, type SchemaRelay } from './relay.js';
import { type ReplicaConsumer, startReplicaConsumer } from './replica/consumer.js';
import type { ReplicationStats } from './replica/figures.js';
import type { ReplicationHandler } from './replica/handler.js';
import { ownEventSubscriptions, replicaSubscriptions } from './replica/subscriptions.js';
import { createResyncRequester, type ResyncRequester } from './resync/request.js';
import { startResyncServer } from './resync/server.js';
import { ensureStreams } from './streams.js';

export interface BusStats {
  /** Whether the process is connected to NATS now (every one of its connections). */
  connected: boolean;
  /** One per hosted region: its outbox relay. */
  relays: RelayStats[];
  /** One per hosted region that keeps replicas. */
  replication: ReplicationStats[];
  /** Every durable consumer the app runs, per hosted region, as its last check found it. */
  consumers: { region: string; health: DurableHealth[] }[];
}

export interface Bus {
  stats(): Promise<BusStats>;
  /** Resolves once connected with every relay and consumer started (tests wait on it). */
  started(): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The NATS bus: outbox relays and replica consumers of the hosted regions. */
    bus: Bus;
  }
}

export interface BusPluginOptions {
  bus: BusConfig;
  subgraph: SubgraphName;
  regions: string[];
  replication?: ReplicationHandler;
  /** Records derived from the region's own events (see `SubgraphModule.derivation`). */
  derivation?: ReplicationHandler;
  /** Commands the subgraph applies as owner; with them, it also takes in its answers. */
  commands?: CommandHandler[];
}

/** One NATS connection and the hosted regions that use it. */
interface Link {
  regions: string[];
  credentials: Partial<BusCredentials>;
  shared?: SharedConnection;
}

/**
 * The connections an app uses: one for all its regions, with NATS_USER/NATS_PASSWORD;
 * or, given a credentials resolver, one per distinct user, since a node's user may publish
 * only under its own region and belongs to its province's account. Each is shared with the
 * other apps of the process (`shareConnection`).
 */
function linksOf(bus: BusConfig, regions: string[]): Link[] {
  const { credentials } = bus;
  if (!credentials) return [{ regions, credentials: sharedCredentials(bus) }];
  const byUser = new Map<string, Link>();
  for (const region of regions) {
    const own = credentials(region);
    const { identity } = authenticationOf(own);
    const link = byUser.get(identity);
    if (link) link.regions.push(region);
    else byUser.set(identity, { regions: [region], credentials: own });
  }
  return [...byUser.values()];
}

/**
 * Connects the hosted regions to the bus: streams ensured (when the config says so), an
 * outbox relay per region schema, and, when the subgraph keeps replicas, the replica
 * consumers of each region, each over its region's connection. It connects in the
 * background, retrying, so a node whose NATS is unreachable starts and serves anyway;
 * its outbox simply waits.
 */
export const busPlugin = fp<BusPluginOptions>(
  async (app, options) => {
    const log = app.log.child({ bus: options.subgraph });
    const relays = new Map<string, SchemaRelay>();
    const consumers = new Map<string, ReplicaConsumer>();
    const derivers: ReplicaConsumer[] = [];
    const commandConsumers: CommandConsumers[] = [];
    const resyncServers: Durable[] = [];
    const requesters: ResyncRequester[] = [];
    const durables = new Map<string, Durable[]>();
    const links = linksOf(options.bus, options.regions);
    const halt = new Alarm();
    let closing = false;

    const connectOnce = (link: Link): Promise<SharedConnection> => {
      const { options: auth, identity } = authenticationOf(link.credentials);
      return shareConnection(identity, {
        servers: options.bus.servers.split(',').map((s) => s.trim()),
        name: `huishang-${options.subgraph}-${link.regions.join('-')}`,
        // Once connected, never give up: the relays and consumers wait through outages.
        maxReconnectAttempts: -1,
        timeout: 5_000,
        // A node's user may read replies only under its own prefix (infra's nodePermissions).
        ...(link.regions.length === 1 && {
          inboxPrefix: nodeInboxPrefix(link.regions[0] as string),
        }),
        ...auth,
      });
    };

    function startRegion(region: string, js: JetStreamClient) {
      const schema = schemaName(options.subgraph, region);
      const client = app.databases.of(region) as unknown as RegionClient;
      const { subgraph } = options;
      const changed = () => app.changes.notify(region);
      relays.set(region, processOutboxRelay(app.pool, log).add(schema, js, changed));
      const checkEveryMs = options.bus.consumerCheckMs;
      const resync = startResyncServer({ client, region, schema, subgraph, js, log, checkEveryMs });
      resyncServers.push(resync);
      const own: Durable[] = [resync];
      durables.set(region, own);
      if (options.commands?.length) {
        const handlers = options.commands;
        const commands = startCommandConsumers({
          client,
          region,
          schema,
          handlers,
          js,
          log,
          checkEveryMs,
          onHandled: changed,
        });
        commandConsumers.push(commands);
        own.push(...commands.durables);
      }
      const { derivation, replication } = options;
      if (derivation) {
        const subscriptions = ownEventSubscriptions(region, schema, derivation.aggregates);
        const deriver = startReplicaConsumer({
          client,
          region,
          schema,
          handler: derivation,
          js,
          log,
          subscriptions,
          checkEveryMs,
          onApplied: changed,
        });
        derivers.push(deriver);
        own.push(...deriver.durables);
      }
      if (!replication || replicaSubscriptions(region, schema, replication.aggregates).length === 0)
        return;
      const requester = createResyncRequester({ region, subgraph, js, log });
      requesters.push(requester);
      const replica = startReplicaConsumer({
        client,
        region,
        schema,
        handler: replication,
        js,
        log,
        resync: requester.request,
        checkEveryMs,
        onApplied: changed,
      });
      consumers.set(region, replica);
      own.push(...replica.durables);
    }

    async function start(link: Link) {
      for (let failures = 1; !link.shared; failures += 1) {
        try {
          link.shared = await connectOnce(link);
        } catch (error) {
          log.warn(
            { err: error, servers: options.bus.servers, regions: link.regions },
            'NATS unreachable; retrying',
          );
          await halt.sleep(backoffMs(failures, 30_000));
        }
        if (closing) return;
      }
      if (closing) return;
      const js = jetstream(link.shared.connection);
      if (options.bus.provisionStreams ?? true) {
        for (const province of new Set(link.regions.map(provinceOf))) {
          try {
            await ensureStreams(await js.jetstreamManager(), province);
          } catch (error) {
            log.warn({ err: error, province }, 'could not provision streams; relays will wait');
          }
        }
      }
      for (const region of link.regions) startRegion(region, js);
      log.info({ regions: link.regions }, 'bus started');
    }

    const starting = Promise.all(
      links.map((link) =>
        start(link).catch((error) =>
          log.error({ err: error, regions: link.regions }, 'bus failed to start'),
        ),
      ),
    ).then(() => undefined);

    /** In hosted-region order, whichever connection came up first. */
    const inOrder = <T>(byRegion: Map<string, T>) =>
      options.regions.flatMap((region) => {
        const value = byRegion.get(region);
        return value === undefined ? [] : [value];
      });

    app.decorate('bus', {
      started: () => starting,
      async stats() {
        const replication = await Promise.all(inOrder(consumers).map((c) => c.stats()));
        return {
          connected: links.every((l) => l.shared?.isUp() ?? false),
          relays: inOrder(relays).map((r) => r.stats()),
          replication,
          consumers: options.regions.flatMap((region) => {
            const list = durables.get(region);
            return list ? [{ region, health: list.map((d) => d.health()) }] : [];
          }),
        };
      },
    } satisfies Bus);

    app.addHook('onClose', async () => {
      closing = true;
      halt.ring();
      await starting;
      await Promise.all(commandConsumers.map((c) => c.stop()));
      await Promise.all([...consumers.values(), ...derivers].map((c) => c.stop()));
      await Promise.all([...resyncServers, ...requesters].map((r) => r.stop()));
      await Promise.all([...relays.values()].map((r) => r.stop()));
      await Promise.all(links.map((l) => l.shared?.release()));
    });
  },
  { name: 'huishang-bus', dependencies: ['huishang-databases', 'huishang-changes'] },
);
