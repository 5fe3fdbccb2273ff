import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { eventNames, eventTypes } from './names.js';
import { aggregateTypes } from './subjects.js';
import { validateEvent } from './validate.js';

const member = {
  id: '01970000-0000-7000-8000-000000000001',
  region: '330503',
  name: '沈丽华',
  gender: 'FEMALE',
  sector: '农业界',
  party: 'CDL',
  term: 10,
  roles: ['MEMBER'],
  specialCommittees: [],
  workplace: null,
  linkedVillages: [],
  version: 1,
  createdAt: '2026-11-22T03:00:00.000Z',
  updatedAt: '2026-11-22T03:00:00.000Z',
};
const event = {
  eventId: '01970000-0000-7000-8000-0000000000e1',
  type: 'member.created',
  schemaVersion: 1,
  occurredAt: '2026-11-22T03:00:00.000Z',
  originRegion: '330503',
  aggregate: { type: 'member', id: member.id, version: 1 },
  payload: { snapshot: member },
  trace: {},
};

describe('event validation', () => {
  it('knows every aggregate’s events by their one list, each with its snapshot schema', () => {
    for (const aggregate of aggregateTypes) {
      expect(eventNames[aggregate].length).toBeGreaterThan(0);
      expect(
        existsSync(new URL(`../../events/snapshots/${aggregate}.schema.json`, import.meta.url)),
      ).toBe(true);
    }
    expect(eventTypes()).toHaveLength(
      Object.values(eventNames).reduce((n, names) => n + names.length, 0),
    );
    // a proposal's event with a member's snapshot is refused
    expect(validateEvent({ ...event, type: 'member.updated' }).ok).toBe(true);
    expect(
      validateEvent({
        ...event,
        type: 'proposal.submitted',
        aggregate: { ...event.aggregate, type: 'proposal' },
      }),
    ).toMatchObject({ ok: false, reason: expect.stringContaining('payload') });
  });

  it('accepts a well-formed event', () => {
    expect(validateEvent(event)).toEqual({ ok: true, event });
    expect(eventTypes()).toContain('member.created');
  });

  it('says why an event is refused', () => {
    expect(validateEvent({ ...event, eventId: 'x' })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('eventId'),
    });
    expect(validateEvent({ ...event, type: 'member.vanished' })).toEqual({
      ok: false,
      reason: 'unknown event type member.vanished',
    });
    const noName = { ...event, payload: { snapshot: { ...member, name: undefined } } };
    expect(validateEvent(noName)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('payload'),
    });
  });
});
