import type { OpinionStatus, Satisfaction } from '../generated/prisma/enums.js';
import { closedStatuses, dispatchedStatuses, isSatisfied } from './opinion-lifecycle.js';

/** Items of one region counted by status, satisfaction and submitter; or its overdue count. */
export interface OpinionCountRow {
  region: string;
  status: OpinionStatus | null;
  satisfaction: Satisfaction | null;
  submitterId: string | null;
  items: number;
  overdue: number;
}

const ratio = (part: number, whole: number) => (whole ? part / whole : null);

/**
 * 民情指数 of a region (with its subtree): items collected (民情反映数), dispatched to
 * party and government bodies, closed with feedback (办结反馈) and the closure rate,
 * satisfaction among rated items, the members who submitted (for 委员覆盖率, which the
 * members subgraph completes with the committee's member count) and their activity
 * (items per submitting member).
 */
export function summariseOpinionItems(region: string, rows: OpinionCountRow[]) {
  const sum = (keep: (r: OpinionCountRow) => boolean) =>
    rows.reduce((n, r) => (keep(r) ? n + r.items : n), 0);
  const inStatus = (states: readonly OpinionStatus[]) => (r: OpinionCountRow) =>
    r.status !== null && states.includes(r.status);
  const dispatched = sum(inStatus(dispatchedStatuses));
  const closed = sum(inStatus(closedStatuses));
  const rated = sum((r) => r.satisfaction !== null);
  const submitters = new Set(rows.flatMap((r) => (r.submitterId ? [r.submitterId] : []))).size;
  return {
    region,
    collected: sum(() => true),
    rejected: sum(inStatus(['REJECTED'])),
    dispatched,
    closed,
    closureRate: ratio(closed, dispatched),
    rated,
    satisfactionRate: ratio(
      sum((r) => isSatisfied(r.satisfaction)),
      rated,
    ),
    overdue: rows.reduce((n, r) => n + r.overdue, 0),
    submitters,
    activity: ratio(
      sum((r) => r.submitterId !== null),
      submitters,
    ),
  };
}
