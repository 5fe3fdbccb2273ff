import { describe, expect, it } from 'vitest';
import type { BusStats } from '../plugin.js';
import { busMetrics } from './metrics.js';

const relay = (schema: string, published: number) => ({
  schema,
  active: true,
  published,
  lastPublishedSeq: published,
  backlog: 0,
  lastError: null,
});

const huzhou: BusStats = {
  connected: true,
  relays: [relay('members_330503', 5), relay('members_330500', 0)],
  replication: [
    {
      region: '330500',
      schema: 'members_330500',
      consumers: [],
      sources: [
        { source: '330502', lastApplied: null, eventsBehind: null, secondsBehind: 0 },
        {
          source: '330503',
          lastApplied: {
            eventId: '019a8f2e-0000-7000-8000-000000000001',
            occurredAt: '2026-11-22T03:00:00.000Z',
            appliedAt: '2026-11-22T03:00:00.250Z',
          },
          eventsBehind: 2,
          secondsBehind: 4.5,
        },
      ],
      applied: 5,
      skipped: 1,
      deadLettered: 1,
      failures: 0,
    },
  ],
  consumers: [
    {
      region: '330500',
      health: [{ name: 'members_330500-member', mismatch: null, stalled: true, recreated: 1 }],
    },
  ],
};

describe('busMetrics', () => {
  it('writes the bus figures in the Prometheus text format', () => {
    const text = busMetrics({
      subgraph: 'members',
      regions: ['330503', '330500'],
      stats: huzhou,
      outboxBacklogs: { '330503': 3, '330500': 0 },
    });
    expect(text).toBe(
      [
        '# HELP huishang_bus_connected Whether the subgraph is connected to NATS (1) or not (0).',
        '# TYPE huishang_bus_connected gauge',
        'huishang_bus_connected{subgraph="members"} 1',
        '# HELP huishang_outbox_backlog Events in the region outbox not yet published.',
        '# TYPE huishang_outbox_backlog gauge',
        'huishang_outbox_backlog{subgraph="members",region="330503"} 3',
        'huishang_outbox_backlog{subgraph="members",region="330500"} 0',
        '# HELP huishang_outbox_published_total Outbox events this process published since it started.',
        '# TYPE huishang_outbox_published_total counter',
        'huishang_outbox_published_total{subgraph="members",region="330503"} 5',
        'huishang_outbox_published_total{subgraph="members",region="330500"} 0',
        '# HELP huishang_replica_events_applied_total Events applied to the region replicas since the process started.',
        '# TYPE huishang_replica_events_applied_total counter',
        'huishang_replica_events_applied_total{subgraph="members",region="330500"} 5',
        '# HELP huishang_replica_dead_letters_total Messages parked as dead letters since the process started.',
        '# TYPE huishang_replica_dead_letters_total counter',
        'huishang_replica_dead_letters_total{subgraph="members",region="330500"} 1',
        '# HELP huishang_replica_events_behind Events not yet applied by the consumers that carry the source region events.',
        '# TYPE huishang_replica_events_behind gauge',
        'huishang_replica_events_behind{subgraph="members",region="330500",source="330503"} 2',
        '# HELP huishang_replica_seconds_behind Age of the last event applied from the source region, while events are behind.',
        '# TYPE huishang_replica_seconds_behind gauge',
        'huishang_replica_seconds_behind{subgraph="members",region="330500",source="330502"} 0',
        'huishang_replica_seconds_behind{subgraph="members",region="330500",source="330503"} 4.5',
        '# HELP huishang_bus_consumer_alarm A durable consumer whose configuration on the server differs (mismatch) or that makes no progress while messages wait (stalled): 1.',
        '# TYPE huishang_bus_consumer_alarm gauge',
        'huishang_bus_consumer_alarm{subgraph="members",region="330500",consumer="members_330500-member",alarm="mismatch"} 0',
        'huishang_bus_consumer_alarm{subgraph="members",region="330500",consumer="members_330500-member",alarm="stalled"} 1',
        '# HELP huishang_bus_consumer_recreated_total Durable consumers the running node found missing and made again.',
        '# TYPE huishang_bus_consumer_recreated_total counter',
        'huishang_bus_consumer_recreated_total{subgraph="members",region="330500",consumer="members_330500-member"} 1',
        '',
      ].join('\n'),
    );
  });

  it('says disconnected and keeps counting the outbox when the node runs without a bus', () => {
    const text = busMetrics({
      subgraph: 'members',
      regions: ['330503'],
      stats: null,
      outboxBacklogs: { '330503': 4 },
    });
    const samples = text.split('\n').filter((line) => line && !line.startsWith('#'));
    expect(samples).toEqual([
      'huishang_bus_connected{subgraph="members"} 0',
      'huishang_outbox_backlog{subgraph="members",region="330503"} 4',
      'huishang_outbox_published_total{subgraph="members",region="330503"} 0',
    ]);
  });

  it('leaves out a backlog it could not count rather than report zero', () => {
    const text = busMetrics({
      subgraph: 'members',
      regions: ['330503'],
      stats: null,
      outboxBacklogs: {},
    });
    expect(text).not.toContain('huishang_outbox_backlog{');
  });

  it('escapes label values', () => {
    const text = busMetrics({
      subgraph: 'a"b\\c\nd',
      regions: [],
      stats: null,
      outboxBacklogs: {},
    });
    expect(text).toContain('huishang_bus_connected{subgraph="a\\"b\\\\c\\nd"} 0');
  });
});
