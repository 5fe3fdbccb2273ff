import type { AggregateType } from '@huishang/schema';
import { schemaName } from '../../database.js';
import type { DurableHealth } from '../durable.js';
import type { BusStats } from '../plugin.js';
import type { ReplicationStats } from '../replica/figures.js';
import { replicaSubscriptions } from '../replica/subscriptions.js';

/** How far a region's replicas of one source region's records are behind (GraphQL `SourceReplication`). */
export interface SourceReplication {
  /** The source region's code; the resolver turns it into a `Region`. */
  source: string;
  /** The aggregates whose events from this source the region keeps. */
  aggregateTypes: AggregateType[];
  lastEventId: string | null;
  lastEventAt: string | null;
  lastAppliedAt: string | null;
  /** null when NATS could not be asked and no message has said it yet. */
  eventsBehind: number | null;
  secondsBehind: number;
}

/** One subgraph's part in a region's replication (GraphQL `SubgraphReplication`). */
export interface SubgraphReplication {
  subgraph: string;
  connected: boolean;
  outboxBacklog: number;
  /** Messages parked in the region's `_dead_letter`: refused or never applicable. */
  deadLetters: number;
  sources: SourceReplication[];
  /** The region's durable consumers in this subgraph, as their last check found them. */
  consumers: DurableHealth[];
}

export interface SubgraphReplicationInput {
  subgraph: string;
  region: string;
  /** The aggregates the subgraph replicates (`module.replication.aggregates`). */
  aggregates: readonly AggregateType[];
  /** null when the node runs without a bus. */
  stats: BusStats | null;
  /** Unpublished rows in the region's `_outbox`. */
  outboxBacklog: number;
  /** Rows in the region's `_dead_letter`. */
  deadLetters: number;
}

/** Those of the subgraph's aggregates that `region` replicates from `source`. */
function aggregatesFrom(input: SubgraphReplicationInput, source: string): AggregateType[] {
  const { subgraph, region, aggregates } = input;
  const schema = schemaName(subgraph, region);
  return aggregates.filter((aggregate) =>
    replicaSubscriptions(region, schema, [aggregate]).some((s) => s.carries(source)),
  );
}

const replicationOf = (stats: BusStats | null, region: string): ReplicationStats | undefined =>
  stats?.replication.find((r) => r.region === region);

/** The bus's figures for one region of one subgraph, shaped for GraphQL. */
export function subgraphReplication(input: SubgraphReplicationInput): SubgraphReplication {
  const { subgraph, region, stats } = input;
  const sources = replicationOf(stats, region)?.sources ?? [];
  return {
    subgraph,
    connected: stats?.connected ?? false,
    outboxBacklog: input.outboxBacklog,
    deadLetters: input.deadLetters,
    sources: sources.map((s) => ({
      source: s.source,
      aggregateTypes: aggregatesFrom(input, s.source),
      lastEventId: s.lastApplied?.eventId ?? null,
      lastEventAt: s.lastApplied?.occurredAt ?? null,
      lastAppliedAt: s.lastApplied?.appliedAt ?? null,
      eventsBehind: s.eventsBehind,
      secondsBehind: s.secondsBehind,
    })),
    consumers: stats?.consumers.find((c) => c.region === region)?.health ?? [],
  };
}
