import { describe, expect, it } from 'vitest';
import type { BusStats } from '../plugin.js';
import type { ReplicationStats } from '../replica/figures.js';
import { subgraphReplication } from './replication-status.js';

const replication = (region: string, sources: ReplicationStats['sources']): ReplicationStats => ({
  region,
  schema: `members_${region}`,
  consumers: [],
  sources,
  applied: 3,
  skipped: 0,
  deadLettered: 0,
  failures: 0,
});

const lastApplied = {
  eventId: '019a8f2e-0000-7000-8000-000000000001',
  occurredAt: '2026-11-22T03:00:00.000Z',
  appliedAt: '2026-11-22T03:00:00.250Z',
};

/** A consumer someone re-made on the server to read another filter. */
const misread = {
  name: 'members_330500-member',
  mismatch: 'reads cppcc.evt.330000.330500.330503.member.*, not cppcc.evt.330000.330500.*.member.*',
  stalled: false,
  recreated: 0,
};

const huzhou: BusStats = {
  connected: true,
  relays: [],
  consumers: [{ region: '330500', health: [misread] }],
  replication: [
    replication('330500', [
      { source: '330502', lastApplied: null, eventsBehind: null, secondsBehind: 0 },
      { source: '330503', lastApplied, eventsBehind: 2, secondsBehind: 4.5 },
    ]),
  ],
};

describe('subgraphReplication', () => {
  it('lists each source region with its last event and how far behind it is', () => {
    expect(
      subgraphReplication({
        subgraph: 'members',
        region: '330500',
        aggregates: ['member'],
        stats: huzhou,
        outboxBacklog: 1,
        deadLetters: 0,
      }),
    ).toEqual({
      subgraph: 'members',
      connected: true,
      outboxBacklog: 1,
      deadLetters: 0,
      sources: [
        {
          source: '330502',
          aggregateTypes: ['member'],
          lastEventId: null,
          lastEventAt: null,
          lastAppliedAt: null,
          eventsBehind: null,
          secondsBehind: 0,
        },
        {
          source: '330503',
          aggregateTypes: ['member'],
          lastEventId: lastApplied.eventId,
          lastEventAt: '2026-11-22T03:00:00.000Z',
          lastAppliedAt: '2026-11-22T03:00:00.250Z',
          eventsBehind: 2,
          secondsBehind: 4.5,
        },
      ],
      consumers: [misread],
    });
  });

  it('answers not connected with no sources when the node runs without a bus', () => {
    expect(
      subgraphReplication({
        subgraph: 'members',
        region: '330500',
        aggregates: ['member'],
        stats: null,
        outboxBacklog: 7,
        deadLetters: 0,
      }),
    ).toEqual({
      subgraph: 'members',
      connected: false,
      outboxBacklog: 7,
      deadLetters: 0,
      sources: [],
      consumers: [],
    });
  });

  it('has no sources for a region that keeps no replicas, such as a county', () => {
    const status = subgraphReplication({
      subgraph: 'members',
      region: '330503',
      aggregates: ['member'],
      stats: huzhou,
      outboxBacklog: 0,
      deadLetters: 0,
    });
    expect(status.sources).toEqual([]);
    expect(status.connected).toBe(true);
  });

  it('names only the aggregates that travel from each source', () => {
    const wujiangSession = {
      connected: true,
      relays: [],
      consumers: [],
      replication: [
        replication('330503', [
          { source: '320509', lastApplied, eventsBehind: 0, secondsBehind: 0 },
        ]),
      ],
    };
    const [source] = subgraphReplication({
      subgraph: 'joint-sessions',
      region: '330503',
      aggregates: ['joint-session'],
      stats: wujiangSession,
      outboxBacklog: 0,
      deadLetters: 0,
    }).sources;
    expect(source).toMatchObject({ source: '320509', aggregateTypes: ['joint-session'] });

    const consultations = subgraphReplication({
      subgraph: 'consultations',
      region: '330500',
      aggregates: ['consultation', 'supervision-task', 'opinion-item'],
      stats: huzhou,
      outboxBacklog: 0,
      deadLetters: 0,
    });
    expect(consultations.sources[1]?.aggregateTypes).toEqual([
      'consultation',
      'supervision-task',
      'opinion-item',
    ]);
  });
});
