import type { RegionClient } from '../../raw-sql.js';
import type { BusLog } from '../bus-log.js';
import type { Durable } from '../durable.js';
import type { BatchOutcome } from './apply.js';
import { lastAppliedByOrigin } from './sql.js';
import type { ReplicaSubscription } from './subscriptions.js';

/** How far a replica region is behind one region whose records it keeps. */
export interface ReplicaSourceStats {
  source: string;
  lastApplied: { eventId: string; occurredAt: string; appliedAt: string } | null;
  /** Events not yet applied by the consumers that carry this source's events. */
  eventsBehind: number | null;
  /** now − occurredAt of the last event applied from this source, when events are behind. */
  secondsBehind: number;
}

export interface ReplicationStats {
  region: string;
  schema: string;
  consumers: { name: string; filter: string; eventsBehind: number | null }[];
  sources: ReplicaSourceStats[];
  applied: number;
  /** Events older than the replica, superseded within their batch, or not for this region. */
  skipped: number;
  deadLettered: number;
  /** Failed attempts, each nak'ed for redelivery. */
  failures: number;
}

/** The counters of a replica consumer and the figures made from them. */
export interface ReplicaFigures {
  failures: number;
  count(outcome: BatchOutcome): void;
  stats(durables: Durable[]): Promise<ReplicationStats>;
  /** Resolves once the figures read at start are in. */
  settled(): Promise<void>;
}

/** The time a UUIDv7 was made: its first 48 bits, in milliseconds since the epoch. */
const uuidv7Time = (id: string) =>
  new Date(Number.parseInt(id.replaceAll('-', '').slice(0, 12), 16));

export function replicaFigures(options: {
  client: RegionClient;
  region: string;
  schema: string;
  log: BusLog;
  subscriptions: ReplicaSubscription[];
}): ReplicaFigures {
  const { client, region, schema, log, subscriptions } = options;
  const counters = { applied: 0, skipped: 0, deadLettered: 0 };
  const lastApplied = new Map<string, NonNullable<ReplicaSourceStats['lastApplied']>>();

  // After a restart the last event of each source is what the version table says.
  const seeded = (async () => {
    try {
      for (const row of await lastAppliedByOrigin(client, schema)) {
        // The version table also holds what other consumers of the schema applied.
        if (!subscriptions.some((s) => s.carries(row.origin_region))) continue;
        if (lastApplied.has(row.origin_region)) continue;
        lastApplied.set(row.origin_region, {
          eventId: row.event_id,
          occurredAt: uuidv7Time(row.event_id).toISOString(),
          appliedAt: new Date(row.applied_at).toISOString(),
        });
      }
    } catch (error) {
      log.warn({ schema, err: error }, 'could not read replica versions for the figures');
    }
  })();

  const figures: ReplicaFigures = {
    failures: 0,
    count(outcome) {
      counters.applied += outcome.applied.length;
      counters.skipped += outcome.skipped;
      counters.deadLettered += outcome.parked.length;
      const appliedAt = new Date().toISOString();
      for (const event of outcome.applied)
        lastApplied.set(event.originRegion, {
          eventId: event.eventId,
          occurredAt: event.occurredAt,
          appliedAt,
        });
    },
    async stats(durables) {
      await seeded;
      const pending = await Promise.all(durables.map((d) => d.pending()));
      const now = Date.now();
      const sources = [...lastApplied.entries()].toSorted(([a], [b]) => a.localeCompare(b));
      return {
        region,
        schema,
        ...counters,
        failures: figures.failures,
        consumers: subscriptions.map((subscription, i) => ({
          name: subscription.name,
          filter: subscription.filter,
          eventsBehind: pending[i] ?? null,
        })),
        sources: sources.map(([source, last]) => {
          const carrying = subscriptions.flatMap((s, i) => (s.carries(source) ? [pending[i]] : []));
          const known = carrying.filter((n): n is number => n !== null && n !== undefined);
          const eventsBehind = known.length > 0 ? known.reduce((a, b) => a + b, 0) : null;
          const behindMs = now - Date.parse(last.occurredAt);
          return {
            source,
            lastApplied: last,
            eventsBehind,
            secondsBehind: eventsBehind ? Math.max(0, behindMs / 1000) : 0,
          };
        }),
      };
    },
    settled: () => seeded,
  };
  return figures;
}
