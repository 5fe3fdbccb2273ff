import type { EventEnvelope } from '@huishang/schema';
import { newId } from '../src/ids.js';

/**
 * A member event of a county as the members subgraph publishes it, for the kit's consumer
 * tests (the kit cannot depend on the subgraph that builds it).
 */
export const memberEvent = (
  id: string,
  version: number,
  name: string,
  origin = '330503',
): EventEnvelope => ({
  eventId: newId(),
  type: version === 1 ? 'member.created' : 'member.updated',
  schemaVersion: 1,
  occurredAt: new Date().toISOString(),
  originRegion: origin,
  aggregate: { type: 'member' as const, id, version },
  payload: {
    snapshot: {
      id,
      region: origin,
      name,
      gender: 'FEMALE',
      sector: '农业界',
      party: 'CDL',
      term: 10,
      roles: ['MEMBER'],
      specialCommittees: [],
      workplace: null,
      linkedVillages: [],
      version,
      createdAt: '2026-11-22T03:00:00.000Z',
      updatedAt: '2026-11-22T03:00:00.000Z',
    },
  },
  trace: {},
});
