import type { EventEnvelope } from '@huishang/schema';
import { applyReplicaBatch } from '../bus/replica/apply.js';
import type { ReplicationHandler } from '../bus/replica/handler.js';
import { type ReplicaSubscription, replicaSubscriptions } from '../bus/replica/subscriptions.js';
import { judgeMessage } from '../bus/replica/verdict.js';
import type { RegionClient } from '../raw-sql.js';

// Stream positions of the deliveries made up here; the consumer only ever moves them forward.
let delivered = 0;

/**
 * Hands `event` to `region`'s replica store as its consumer would on delivery, without a
 * bus: judged on the subject its owner publishes it on, then applied by the consumer's own
 * code in one transaction (a batch of one). Throws when the region would not keep the
 * event or its verdict would park it, which in a test is a mistake. Resolves to whether
 * the replica moved forward (an aggregate of another owner is parked, as on delivery).
 */
export async function replicateEvent(
  target: {
    client: RegionClient;
    region: string;
    schema: string;
    handler: ReplicationHandler;
    /** What the consumer reads. @default replicaSubscriptions(region, schema, handler.aggregates) */
    subscriptions?: ReplicaSubscription[];
  },
  event: EventEnvelope,
): Promise<boolean> {
  const { client, region, schema, handler } = target;
  const subscriptions =
    target.subscriptions ?? replicaSubscriptions(region, schema, handler.aggregates);
  const subscription = subscriptions.find((s) => s.keeps(event));
  if (!subscription)
    throw new Error(`${region} keeps no replica of ${event.type} from ${event.originRegion}`);
  const subject = subscription.subjectOf(event);
  const data = JSON.stringify(event);
  const verdict = judgeMessage(subscription, subject, data);
  if (!verdict.ok) throw new Error(`the consumer would park ${event.type}: ${verdict.reason}`);
  delivered += 1;
  const delivery = { consumer: subscription.name, subject, seq: delivered, data };
  const outcome = await applyReplicaBatch(client, schema, handler, [{ delivery, verdict }]);
  return outcome.applied.length > 0;
}
