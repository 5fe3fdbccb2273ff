import type { JetStreamClient, JsMsg } from '@nats-io/jetstream';
import type { RegionClient } from '../../raw-sql.js';
import { backoffMs } from '../alarm.js';
import type { BusLog } from '../bus-log.js';
import { type Durable, type DurableStart, runDurable } from '../durable.js';
import { isPermanent, outOfAttempts } from '../failure.js';
import { applyReplicaBatch, type Judged, parkDelivery } from './apply.js';
import { type ReplicaFigures, type ReplicationStats, replicaFigures } from './figures.js';
import type { ReplicationHandler } from './handler.js';
import { positionOf } from './sql.js';
import { type ReplicaSubscription, replicaSubscriptions } from './subscriptions.js';
import { judgeMessage } from './verdict.js';

export interface ReplicaConsumerOptions {
  /** The Prisma client of the replica region. */
  client: RegionClient;
  /** The city or province (or, for joint sessions, any region) keeping replicas. */
  region: string;
  /** Its schema, e.g. `proposals_330500`: where `_replica_version` and friends live. */
  schema: string;
  handler: ReplicationHandler;
  js: JetStreamClient;
  log: BusLog;
  /** Messages a consumer may hold unacknowledged. @default 1000 */
  maxAckPending?: number;
  /** See `DurableOptions.checkEveryMs`. */
  checkEveryMs?: number | undefined;
  /** What it reads. @default replicaSubscriptions(region, schema, handler.aggregates) */
  subscriptions?: ReplicaSubscription[];
  /**
   * Called when the replicas may miss records their owners hold: a consumer had to be
   * created in place of one the database had read from (deleted, or its store lost), the
   * database is behind what its consumer acknowledged (restored or wiped), or events left
   * the stream before they were applied. The bus then asks the owners
   * to publish their current state again.
   */
  resync?(reason: string): void;
  /** Called after a batch changed the region's records or parked events (see the kit's `ChangeFeed`). */
  onApplied?(): void;
}

export interface ReplicaConsumer {
  /** Its durable consumers, one per subscription. */
  durables: Durable[];
  stats(): Promise<ReplicationStats>;
  /** Stops after the batches in hand; what is not acknowledged is redelivered later. */
  stop(): Promise<void>;
}

/** Whether the region's database answers: a failure while it does not is never the message's. */
const answers = (client: RegionClient) =>
  client.$queryRawUnsafe('SELECT 1').then(
    () => true,
    () => false,
  );

/**
 * Keeps a region's replicas of records owned below it (and of joint sessions it takes
 * part in): one durable pull consumer per subscription, read in batches. A batch is applied
 * in one transaction (`applyReplicaBatch`) and then acknowledged. When that transaction
 * fails: if the failure is transient (the database down, a deadlock) the batch is nak'ed
 * and retried with backoff; otherwise each message is tried alone, so that the one that can
 * never apply (a NUL byte PostgreSQL refuses, say) is parked at once, with its reason, and
 * the rest go on. Nothing moves backwards: a replica only moves forward by aggregate version.
 * While a batch is written, the next is judged and its rows built (`ReplicationHandler.prepare`);
 * the batches commit in order, so the consumer's position means what it did.
 */
export function startReplicaConsumer(options: ReplicaConsumerOptions): ReplicaConsumer {
  const { client, region, schema, handler, js, log } = options;
  const subscriptions =
    options.subscriptions ?? replicaSubscriptions(region, schema, handler.aggregates);
  const figures: ReplicaFigures = replicaFigures({ client, region, schema, log, subscriptions });

  const judge = (subscription: ReplicaSubscription, msg: JsMsg): Judged => {
    const delivery = {
      consumer: subscription.name,
      subject: msg.subject,
      seq: msg.seq,
      data: msg.string(),
    };
    return { delivery, verdict: judgeMessage(subscription, msg.subject, delivery.data) };
  };

  /** Applies `judged` together; resolves false when it failed and was left to the caller. */
  async function attempt(
    judged: Judged[],
    after?: Promise<unknown>,
  ): Promise<{ ok: true } | { ok: false; error: unknown }> {
    try {
      const outcome = await applyReplicaBatch(client, schema, handler, judged, { after });
      figures.count(outcome);
      if (outcome.applied.length + outcome.parked.length > 0) options.onApplied?.();
      for (const parked of outcome.parked)
        log.warn(
          { consumer: parked.consumer, seq: parked.seq, reason: parked.reason },
          'event parked',
        );
      return { ok: true };
    } catch (error) {
      return { ok: false, error };
    }
  }

  const retryLater = (msg: JsMsg, consumer: string, error: unknown) => {
    figures.failures += 1;
    const delay = backoffMs(msg.info.deliveryCount, 30_000);
    msg.nak(delay);
    log.warn({ consumer, seq: msg.seq, err: error, retryInMs: delay }, 'replica apply failed');
  };

  /** Per subscription, the batch last handed on: the next one's transaction waits for it. */
  const lastBatch = new Map<string, Promise<unknown>>();

  async function handle(subscription: ReplicaSubscription, batch: JsMsg[]) {
    const after = lastBatch.get(subscription.name);
    let done = () => {};
    lastBatch.set(subscription.name, new Promise<void>((resolve) => (done = resolve)));
    try {
      await handleInTurn(subscription, batch, after);
    } finally {
      // a batch that failed before its turn still hands the turn on only after its predecessor
      await after;
      done();
    }
  }

  async function handleInTurn(
    subscription: ReplicaSubscription,
    batch: JsMsg[],
    after: Promise<unknown> | undefined,
  ) {
    const judged = batch.map((msg) => judge(subscription, msg));
    const together = await attempt(judged, after);
    if (together.ok) {
      for (const msg of batch) msg.ack();
      return;
    }
    await after;
    const hopeless = (error: unknown, msgs: JsMsg[]) =>
      isPermanent(error, { integrity: true }) || msgs.some(outOfAttempts);
    if (!hopeless(together.error, batch) || !(await answers(client))) {
      for (const msg of batch) retryLater(msg, subscription.name, together.error);
      return;
    }
    // One of them can never apply: find it by trying each alone.
    for (const [i, msg] of batch.entries()) {
      const item = judged[i] as Judged;
      const alone = await attempt([item]);
      if (alone.ok) msg.ack();
      else if (hopeless(alone.error, [msg]) && (await answers(client))) {
        const reason = `cannot be applied: ${(alone.error as Error).message ?? String(alone.error)}`;
        try {
          await parkDelivery(client, schema, item.delivery, reason);
          figures.count({ applied: [], skipped: 0, parked: [{ ...item.delivery, reason }] });
          options.onApplied?.();
          log.warn({ consumer: subscription.name, seq: msg.seq, reason }, 'event parked');
          msg.ack();
        } catch (error) {
          retryLater(msg, subscription.name, error);
        }
      } else retryLater(msg, subscription.name, alone.error);
    }
  }

  /**
   * Why the replicas of `subscription` may lack what their owners hold, if they may. A new
   * consumer on a stream that still holds everything replays it, which is enough; one that
   * replaces a consumer the database had read from (a deleted one, a lost store) is not.
   */
  async function gap(subscription: ReplicaSubscription, start: DurableStart) {
    const { name } = subscription;
    const position = await positionOf(client, schema, name);
    if (start.created && position > 0)
      return `consumer ${name} was created anew, the database having read to ${position}`;
    // Only for a new consumer: an old one's ack floor counts matching messages only, so a
    // stream whose other subjects aged out says nothing about what it missed.
    if (start.created && start.firstSeq > 1)
      return `consumer ${name} was created on a stream that no longer holds events 1–${start.firstSeq - 1}`;
    if (position < start.ackFloor)
      return `the database holds position ${position} of ${name}, which acknowledged ${start.ackFloor}`;
    return null;
  }

  const started = (subscription: ReplicaSubscription) => (start: DurableStart) => {
    if (!options.resync) return;
    gap(subscription, start).then(
      (reason) => reason && options.resync?.(reason),
      (error) => log.warn({ schema, err: error }, 'could not check the replicas for gaps'),
    );
  };

  const durables: Durable[] = subscriptions.map((subscription) =>
    runDurable({
      js,
      log,
      stream: subscription.stream,
      name: subscription.name,
      filter: subscription.filter,
      maxAckPending: options.maxAckPending,
      checkEveryMs: options.checkEveryMs,
      // the next batch is judged and built while the one before is written
      concurrency: 2,
      handle: (batch) => handle(subscription, batch),
      started: started(subscription),
    }),
  );

  return {
    durables,
    stats: () => figures.stats(durables),
    async stop() {
      await Promise.all(durables.map((d) => d.stop()));
      await figures.settled();
    },
  };
}
