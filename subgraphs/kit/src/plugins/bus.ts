import { provinceOf } from '@huishang/schema';
import { jetstream } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import fp from 'fastify-plugin';
import { type CommandConsumers, startCommandConsumers } from '../commands/consumers.js';
import type { CommandHandler } from '../commands/handler.js';
import type { BusConfig } from '../config.js';
import { schemaName } from '../database.js';
import { Alarm, backoffMs } from '../events/alarm.js';
import {
  type ReplicaClient,
  type ReplicaConsumer,
  type ReplicationStats,
  startReplicaConsumer,
} from '../events/consumer.js';
import { type OutboxRelay, type RelayStats, startOutboxRelay } from '../events/relay.js';
import { replicaSubscriptions } from '../events/replica-subscriptions.js';
import type { ReplicationHandler } from '../events/replication.js';
import { ensureStreams } from '../events/streams.js';

export interface BusStats {
  /** Whether the process is connected to NATS now. */
  connected: boolean;
  /** One per hosted region: its outbox relay. */
  relays: RelayStats[];
  /** One per hosted region that keeps replicas. */
  replication: ReplicationStats[];
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
  subgraph: string;
  regions: string[];
  replication?: ReplicationHandler;
  /** Commands the subgraph applies as owner; with them, it also takes in its answers. */
  commands?: CommandHandler[];
}

/**
 * Connects the hosted regions to the bus: streams ensured (when the config says so), an
 * outbox relay per region schema, and, when the subgraph keeps replicas, the replica
 * consumers of each region. It connects in the background, retrying, so a node whose
 * NATS is unreachable starts and serves anyway; its outbox simply waits.
 */
export const busPlugin = fp<BusPluginOptions>(
  async (app, options) => {
    const log = app.log.child({ bus: options.subgraph });
    const relays: OutboxRelay[] = [];
    const consumers: ReplicaConsumer[] = [];
    const commandConsumers: CommandConsumers[] = [];
    const halt = new Alarm();
    let connection: NatsConnection | undefined;
    let closing = false;

    async function connectOnce(): Promise<NatsConnection> {
      const { servers, user, pass } = options.bus;
      return connect({
        servers: servers.split(',').map((s) => s.trim()),
        name: `huishang-${options.subgraph}`,
        // Once connected, never give up: the relays and consumers wait through outages.
        maxReconnectAttempts: -1,
        timeout: 5_000,
        ...(user && { user }),
        ...(pass && { pass }),
      });
    }

    async function start() {
      for (let failures = 1; !connection; failures += 1) {
        try {
          connection = await connectOnce();
        } catch (error) {
          log.warn({ err: error, servers: options.bus.servers }, 'NATS unreachable; retrying');
          await halt.sleep(backoffMs(failures, 30_000));
        }
        if (closing) return;
      }
      if (closing) return;
      const js = jetstream(connection);
      if (options.bus.provisionStreams ?? true) {
        for (const province of new Set(options.regions.map(provinceOf))) {
          try {
            await ensureStreams(await js.jetstreamManager(), province);
          } catch (error) {
            log.warn({ err: error, province }, 'could not provision streams; relays will wait');
          }
        }
      }
      for (const region of options.regions) {
        const schema = schemaName(options.subgraph, region);
        relays.push(startOutboxRelay({ pool: app.pool, schema, js, log }));
        if (options.commands?.length) {
          const client = app.databases.of(region) as unknown as ReplicaClient;
          const handlers = options.commands;
          commandConsumers.push(
            startCommandConsumers({ client, region, schema, handlers, js, log }),
          );
        }
        const aggregates = options.replication?.aggregates ?? [];
        if (!options.replication || replicaSubscriptions(region, schema, aggregates).length === 0)
          continue;
        const replica = startReplicaConsumer({
          client: app.databases.of(region) as unknown as ReplicaClient,
          region,
          schema,
          handler: options.replication,
          js,
          log,
        });
        consumers.push(replica);
      }
      log.info({ regions: options.regions }, 'bus started');
    }

    const starting = start().catch((error) => log.error({ err: error }, 'bus failed to start'));

    app.decorate('bus', {
      started: () => starting,
      async stats() {
        const replication = await Promise.all(consumers.map((c) => c.stats()));
        return {
          connected: connection !== undefined && !connection.isClosed(),
          relays: relays.map((r) => r.stats()),
          replication,
        };
      },
    } satisfies Bus);

    app.addHook('onClose', async () => {
      closing = true;
      halt.ring();
      await starting;
      await Promise.all(commandConsumers.map((c) => c.stop()));
      await Promise.all(consumers.map((c) => c.stop()));
      await Promise.all(relays.map((r) => r.stop()));
      await connection?.drain().catch(() => connection?.close());
    });
  },
  { name: 'huishang-bus', dependencies: ['huishang-databases'] },
);
