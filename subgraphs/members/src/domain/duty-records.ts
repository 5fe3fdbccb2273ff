import type { AggregateType } from '@huishang/schema';
import type { DutyKind } from '../generated/prisma/enums.js';

/** One thing a member did, as one source record (a proposal, a consultation ...) implies it. */
export interface DerivedDutyRecord {
  memberId: string;
  kind: DutyKind;
  title: string;
  /** The day it happened, in China (YYYY-MM-DD). */
  occurredOn: string;
  detail: string | null;
}

/** The aggregates whose snapshots imply duty records. */
export const dutySources = [
  'proposal',
  'consultation',
  'opinion-item',
  'supervision-task',
] as const satisfies readonly AggregateType[];
export type DutySource = (typeof dutySources)[number];

/** The calendar day of an instant in China (UTC+8, no daylight saving). */
export const chinaDate = (iso: string): string =>
  new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);

type Snapshot = Record<string, unknown>;
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const ids = (values: unknown): string[] =>
  Array.isArray(values) ? [...new Set(values.filter((v) => typeof v === 'string'))] : [];

/** A consultation's participants who were members and attended. */
function attendingMembers(snapshot: Snapshot): string[] {
  const participants = Array.isArray(snapshot.participants) ? snapshot.participants : [];
  return ids(
    participants
      .filter((p: Snapshot) => p.attended !== false)
      .map((p: Snapshot) => p.memberId)
      .filter((id) => id != null),
  );
}

/**
 * The duty records a source's latest snapshot implies: they replace whatever an earlier
 * version implied, so a member taken off a proposal loses the record.
 * - proposal: PROPOSAL_LED for `proposerId`, PROPOSAL_CO_SIGNED for each `coProposerIds`,
 *   on the day it was submitted; the status goes in `detail`;
 * - consultation: CONSULTATION_ATTENDED for each participant with a `memberId` who
 *   attended, on `heldOn` (else the day of the snapshot);
 * - opinion-item: OPINION_SUBMITTED for `submitterId`, on the day it was created;
 * - supervision-task: SUPERVISION_JOINED for each of `memberIds` (the members who joined),
 *   on the day it was created (a snapshot without them, from before, credits nobody).
 */
export function deriveDutyRecords(source: DutySource, snapshot: Snapshot): DerivedDutyRecord[] {
  const title = text(snapshot.title) ?? '';
  const status = text(snapshot.status) ?? text(snapshot.stage);
  const day = (field: string) => {
    const value = text(snapshot[field]);
    return value ? chinaDate(value) : chinaDate(text(snapshot.createdAt) ?? '1970-01-01');
  };
  const record = (memberId: string, kind: DutyKind, occurredOn: string) => ({
    memberId,
    kind,
    title,
    occurredOn,
    detail: status,
  });
  switch (source) {
    case 'proposal': {
      const on = day('submittedAt');
      const lead = text(snapshot.proposerId);
      return [
        ...(lead ? [record(lead, 'PROPOSAL_LED', on)] : []),
        ...ids(snapshot.coProposerIds)
          .filter((id) => id !== lead)
          .map((id) => record(id, 'PROPOSAL_CO_SIGNED', on)),
      ];
    }
    case 'consultation': {
      const on = text(snapshot.heldOn) ?? day('updatedAt');
      return attendingMembers(snapshot).map((id) => record(id, 'CONSULTATION_ATTENDED', on));
    }
    case 'opinion-item': {
      const submitter = text(snapshot.submitterId);
      return submitter ? [record(submitter, 'OPINION_SUBMITTED', day('createdAt'))] : [];
    }
    case 'supervision-task':
      return ids(snapshot.memberIds).map((id) =>
        record(id, 'SUPERVISION_JOINED', day('createdAt')),
      );
  }
}
