import { isoDate } from '@huishang/subgraph-kit';
import type { JointStage } from '../generated/prisma/enums.js';
import type { PartyFields } from './parties.js';
import type { JointSessionFields } from './session-input.js';

/** A joint session as stored, without its parties. */
export interface JointSessionRecord extends Omit<JointSessionFields, 'parties'> {
  id: string;
  stage: JointStage;
  partyRegions: string[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * A joint session's whole state as events carry it
 * (`schema/events/snapshots/joint-session.schema.json`): the record with its parties, the
 * host first, dates as ISO strings.
 */
export interface JointSessionSnapshot
  extends Omit<JointSessionRecord, 'heldOn' | 'createdAt' | 'updatedAt'> {
  heldOn: string | null;
  createdAt: string;
  updatedAt: string;
  parties: PartyFields[];
}

export const jointSessionSnapshot = (
  session: JointSessionRecord,
  parties: PartyFields[],
): JointSessionSnapshot => ({
  id: session.id,
  region: session.region,
  title: session.title,
  description: session.description,
  kind: session.kind,
  stage: session.stage,
  consultationId: session.consultationId,
  heldOn: isoDate(session.heldOn),
  venueName: session.venueName,
  partyRegions: session.partyRegions,
  parties: parties.map(({ region, committee, role }) => ({ region, committee, role })),
  version: session.version,
  createdAt: session.createdAt.toISOString(),
  updatedAt: session.updatedAt.toISOString(),
});

/** What a replica stores for a snapshot: the record, the owner's version and times included, and its parties. */
export function jointSessionFromSnapshot({ parties, ...snapshot }: JointSessionSnapshot): {
  session: JointSessionRecord;
  parties: PartyFields[];
} {
  return {
    session: {
      ...snapshot,
      heldOn: snapshot.heldOn === null ? null : new Date(`${snapshot.heldOn}T00:00:00Z`),
      createdAt: new Date(snapshot.createdAt),
      updatedAt: new Date(snapshot.updatedAt),
    },
    parties,
  };
}
