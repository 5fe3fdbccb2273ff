import { schemaName } from '../../database.js';
import type { BusStats } from '../plugin.js';

export interface BusMetricsInput {
  subgraph: string;
  /** The regions this process hosts. */
  regions: string[];
  /** null when the node runs without a bus. */
  stats: BusStats | null;
  /** Unpublished `_outbox` rows per hosted region; a region missing could not be counted. */
  outboxBacklogs: Record<string, number>;
}

/** What Prometheus scrapes with the text exposition format (version 0.0.4). */
export const metricsContentType = 'text/plain; version=0.0.4; charset=utf-8';

type Labels = Record<string, string>;
interface Family {
  name: string;
  type: 'gauge' | 'counter';
  help: string;
  samples: { labels: Labels; value: number }[];
}

const escapeLabel = (value: string) =>
  value.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n');

const formatLabels = (labels: Labels) =>
  `{${Object.entries(labels)
    .map(([name, value]) => `${name}="${escapeLabel(value)}"`)
    .join(',')}}`;

const formatFamily = ({ name, type, help, samples }: Family) =>
  [
    `# HELP ${name} ${help}`,
    `# TYPE ${name} ${type}`,
    ...samples.map(({ labels, value }) => `${name}${formatLabels(labels)} ${value}`),
  ].join('\n');

/**
 * The bus's figures as Prometheus metrics. Counters count since the process started, as
 * Prometheus expects of a counter (it handles the reset on restart). A figure that is not
 * known (events behind when NATS cannot be asked, a backlog when PostgreSQL is down) has
 * no sample rather than a made-up one.
 */
export function busMetrics(input: BusMetricsInput): string {
  const { subgraph, regions, stats } = input;
  const replication = stats?.replication ?? [];
  const published = (region: string) =>
    stats?.relays.find((r) => r.schema === schemaName(subgraph, region))?.published ?? 0;
  const perSource = replication.flatMap((r) =>
    r.sources.map((s) => ({ labels: { subgraph, region: r.region, source: s.source }, s })),
  );
  const consumers = (stats?.consumers ?? []).flatMap(({ region, health }) =>
    health.map((h) => ({ labels: { subgraph, region, consumer: h.name }, h })),
  );
  const families: Family[] = [
    {
      name: 'huishang_bus_connected',
      type: 'gauge',
      help: 'Whether the subgraph is connected to NATS (1) or not (0).',
      samples: [{ labels: { subgraph }, value: stats?.connected ? 1 : 0 }],
    },
    {
      name: 'huishang_outbox_backlog',
      type: 'gauge',
      help: 'Events in the region outbox not yet published.',
      samples: regions.flatMap((region) => {
        const backlog = input.outboxBacklogs[region];
        return backlog === undefined ? [] : [{ labels: { subgraph, region }, value: backlog }];
      }),
    },
    {
      name: 'huishang_outbox_published_total',
      type: 'counter',
      help: 'Outbox events this process published since it started.',
      samples: regions.map((region) => ({
        labels: { subgraph, region },
        value: published(region),
      })),
    },
    {
      name: 'huishang_replica_events_applied_total',
      type: 'counter',
      help: 'Events applied to the region replicas since the process started.',
      samples: replication.map((r) => ({
        labels: { subgraph, region: r.region },
        value: r.applied,
      })),
    },
    {
      name: 'huishang_replica_dead_letters_total',
      type: 'counter',
      help: 'Messages parked as dead letters since the process started.',
      samples: replication.map((r) => ({
        labels: { subgraph, region: r.region },
        value: r.deadLettered,
      })),
    },
    {
      name: 'huishang_replica_events_behind',
      type: 'gauge',
      help: 'Events not yet applied by the consumers that carry the source region events.',
      samples: perSource.flatMap(({ labels, s }) =>
        s.eventsBehind === null ? [] : [{ labels, value: s.eventsBehind }],
      ),
    },
    {
      name: 'huishang_replica_seconds_behind',
      type: 'gauge',
      help: 'Age of the last event applied from the source region, while events are behind.',
      samples: perSource.map(({ labels, s }) => ({ labels, value: s.secondsBehind })),
    },
    {
      name: 'huishang_bus_consumer_alarm',
      type: 'gauge',
      help: 'A durable consumer whose configuration on the server differs (mismatch) or that makes no progress while messages wait (stalled): 1.',
      samples: consumers.flatMap(({ labels, h }) => [
        { labels: { ...labels, alarm: 'mismatch' }, value: h.mismatch ? 1 : 0 },
        { labels: { ...labels, alarm: 'stalled' }, value: h.stalled ? 1 : 0 },
      ]),
    },
    {
      name: 'huishang_bus_consumer_recreated_total',
      type: 'counter',
      help: 'Durable consumers the running node found missing and made again.',
      samples: consumers.map(({ labels, h }) => ({ labels, value: h.recreated })),
    },
  ];
  return `${families.map(formatFamily).join('\n')}\n`;
}
