import {
  type AggregateType,
  type EventEnvelope,
  eventSubject,
  isWithin,
  placeholder,
  provinceOf,
  regionTokens,
  sharedEventSubject,
  subtreeEventFilter,
} from '@huishang/schema';
import { provinceStreams, sharedEventFilter } from '../streams.js';

/** One durable consumer a replica region reads, and which of its events the region keeps. */
export interface ReplicaSubscription {
  /** Durable consumer name, unique per region schema and subscription. */
  name: string;
  stream: string;
  filter: string;
  /** Whether the region keeps a replica of this (valid) event. */
  keeps(event: EventEnvelope): boolean;
  /** Whether this subscription carries events from `source` (for replication figures). */
  carries(source: string): boolean;
  /**
   * The subject the event's owner publishes it on. NATS lets a node publish only under its
   * own region, so an event on any other subject lies about its origin.
   */
  subjectOf(event: EventEnvelope): string;
}

const eventName = (event: EventEnvelope) => event.type.slice(event.type.indexOf('.') + 1);
const ownSubject = (event: EventEnvelope) =>
  eventSubject(event.originRegion, event.aggregate.type, eventName(event));

/** Party regions of a joint session's or consultation's snapshot (`payload.snapshot.partyRegions`). */
function partyRegions(event: EventEnvelope): string[] {
  const snapshot = event.payload.snapshot as { partyRegions?: unknown } | undefined;
  const parties = snapshot?.partyRegions;
  return Array.isArray(parties) ? parties.filter((p) => typeof p === 'string') : [];
}

/** A joint session concerns a region when one of its parties lies within it (see below). */
const joins = (event: EventEnvelope, region: string) =>
  partyRegions(event).some((party) => isWithin(party, region));

/**
 * Aggregates an owner may hold jointly with other committees (a three-level consultation,
 * 三级会商), listing them as `partyRegions` in its snapshot.
 */
const sharedWithParties: ReadonlySet<AggregateType> = new Set(['consultation']);

/** The committees above a region (a county's city and province), from its subject tokens. */
function committeeAncestors(region: string): string[] {
  const [province, city, county] = regionTokens(region);
  if (county !== placeholder) return city === placeholder ? [province] : [province, city];
  return city === placeholder ? [] : [province];
}

/**
 * What a region replicates:
 * - a city or province: every aggregate's events from its subtree (one consumer each,
 *   since nats-server 2.9 has no multi-filter consumers); a county has no subtree;
 * - with joint sessions, any region: its province's joint-session events (the owner may
 *   sit outside its subtree, e.g. a three-level session hosted by the province) and the
 *   events partner provinces share with it, kept when one of the session's parties lies
 *   within the region. That is who may read a session (joint-sessions
 *   `canSeeJointSession`: staff whose region contains a party), so a node holds exactly
 *   the sessions its staff can see.
 * - a consultation held jointly (三级会商): each committee above the region publishes on
 *   its own subjects, so the region reads its ancestors' consultation events (one consumer
 *   per ancestor) and keeps those listing a party within it. The owner's record stays the
 *   one truth; a party changes it only by a command to the owner.
 * A region never replicates its own events, which its subtree filter also matches.
 */
export function replicaSubscriptions(
  region: string,
  schema: string,
  aggregates: readonly AggregateType[],
): ReplicaSubscription[] {
  const province = provinceOf(region);
  const stream = provinceStreams(province).events;
  const below = (source: string) => source !== region && isWithin(source, region);
  const subscriptions: ReplicaSubscription[] = [];
  for (const aggregate of aggregates) {
    if (aggregate === 'joint-session') continue;
    const filter = subtreeEventFilter(region, aggregate);
    if (filter)
      subscriptions.push({
        name: `${schema}-${aggregate}`,
        stream,
        filter,
        keeps: (event) => below(event.originRegion),
        carries: below,
        subjectOf: ownSubject,
      });
    if (!sharedWithParties.has(aggregate)) continue;
    for (const ancestor of committeeAncestors(region))
      subscriptions.push({
        name: `${schema}-${aggregate}-from-${ancestor}`,
        stream,
        filter: eventSubject(ancestor, aggregate, '*'),
        keeps: (event) => joins(event, region),
        carries: (source) => source === ancestor,
        subjectOf: ownSubject,
      });
  }
  if (aggregates.includes('joint-session')) {
    const inProvince = (source: string) => source !== region && provinceOf(source) === province;
    subscriptions.push(
      {
        name: `${schema}-joint-session`,
        stream,
        filter: subtreeEventFilter(province, 'joint-session') as string,
        keeps: (event) =>
          event.originRegion !== region && (below(event.originRegion) || joins(event, region)),
        carries: inProvince,
        subjectOf: ownSubject,
      },
      {
        name: `${schema}-shared`,
        stream,
        filter: sharedEventFilter(province),
        keeps: (event) =>
          event.aggregate.type === 'joint-session' &&
          provinceOf(event.originRegion) !== province &&
          joins(event, region),
        carries: (source) => provinceOf(source) !== province,
        subjectOf: (event) => sharedEventSubject(province, event.originRegion, eventName(event)),
      },
    );
  }
  return subscriptions;
}

/**
 * The region's own events of `aggregates`, one consumer each: for a subgraph that derives
 * records of its own from what other subgraphs of the same node publish (members' duty
 * records from proposals, consultations, opinion items and supervision).
 */
export function ownEventSubscriptions(
  region: string,
  schema: string,
  aggregates: readonly AggregateType[],
): ReplicaSubscription[] {
  const stream = provinceStreams(provinceOf(region)).events;
  const own = (source: string) => source === region;
  return aggregates.map((aggregate) => ({
    name: `${schema}-own-${aggregate}`,
    stream,
    filter: eventSubject(region, aggregate, '*'),
    keeps: (event) => own(event.originRegion),
    carries: own,
    subjectOf: ownSubject,
  }));
}
