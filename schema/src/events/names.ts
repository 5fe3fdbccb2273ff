import type { AggregateType } from './subjects.js';

/**
 * Every event on the bus, by aggregate: the one list of their names. An event's type is
 * `<aggregate>.<name>`, its payload `{ snapshot }` of the aggregate's snapshot schema
 * (`events/snapshots/<aggregate>.schema.json`); the validator and the subgraphs' event-name
 * types (`EventName<'proposal'>`) come from here, so a name cannot exist in one and not
 * the other.
 */
export const eventNames = {
  member: ['created', 'updated'],
  proposal: [
    'submitted',
    'registered',
    'assigned',
    'replied',
    'evaluated',
    'signed-in',
    'pre-reviewed',
    'declined',
    'converted',
    'reminded',
    'escalated',
    'second-round-opened',
    'followed-up',
    'sorted',
    'voted',
    'published',
    'imported',
  ],
  'proposal-comment': ['submitted', 'moderated'],
  consultation: [
    'created',
    'participants-added',
    'suggestions-recorded',
    'adoption-set',
    'stage-advanced',
    'attendance-recorded',
    'minutes-sent',
    'minutes-signed-off',
    'minutes-answered',
    'evaluated',
    'suggestion-linked',
    'contributed',
    'imported',
  ],
  'consultation-topic': ['submitted', 'approved', 'rejected'],
  'supervision-task': ['created', 'step-taken'],
  'opinion-item': ['submitted', 'reviewed', 'routed', 'handled', 'answered', 'rated', 'imported'],
  'joint-session': ['created', 'advanced'],
} as const satisfies Record<AggregateType, readonly string[]>;

/** The names of an aggregate's events, e.g. `EventName<'proposal'>` is `'submitted' | …`. */
export type EventName<A extends AggregateType> = (typeof eventNames)[A][number];

/** Every event type, `<aggregate>.<name>`, sorted. */
export const eventTypes = (): string[] =>
  Object.entries(eventNames)
    .flatMap(([aggregate, names]) => names.map((name) => `${aggregate}.${name}`))
    .toSorted();
