import type { EventName, NewEvent } from '@huishang/schema';
import { isoDate, isoTime } from '@huishang/subgraph-kit';
import type {
  CrossTermOutcome,
  EvaluationParty,
  HandlingRole,
  ProposalCategory,
  ProposalStatus,
  ReplyOutcome,
  ReviewDecision,
  ReviewStep,
  Satisfaction,
  UrgeKind,
} from '../generated/prisma/enums.js';

/** A proposal row with its child rows, as `data/` loads it after a change. */
export interface ProposalRows {
  id: string;
  region: string;
  number: number | null;
  term: number;
  session: number;
  title: string;
  body: string;
  keywords: string[];
  category: ProposalCategory;
  status: ProposalStatus;
  proposerId: string | null;
  coProposerIds: string[];
  collectiveProposer: string | null;
  isKey: boolean;
  deadline: Date | null;
  submittedAt: Date;
  registeredAt: Date | null;
  assignedAt: Date | null;
  repliedAt: Date | null;
  round: number;
  yellowFrom: Date | null;
  crossTermOutcome: CrossTermOutcome | null;
  crossTermSortedIn: number | null;
  publishedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  suggestions: { seq: number; text: string }[];
  handlingUnits: { name: string; role: HandlingRole; suggestionSeqs: number[] }[];
  replies: {
    suggestionSeq: number;
    unit: string;
    round: number;
    outcome: ReplyOutcome;
    text: string;
    repliedAt: Date;
  }[];
  evaluations: {
    by: EvaluationParty;
    round: number;
    rating: Satisfaction;
    comment: string | null;
    evaluator: string;
    evaluatedAt: Date;
  }[];
  reviews: {
    seq: number;
    step: ReviewStep;
    decision: ReviewDecision;
    reviewer: string;
    reason: string | null;
    reviewedAt: Date;
  }[];
  leaders: { seq: number; name: string; post: string }[];
  urges: { seq: number; kind: UrgeKind; by: string; note: string; at: Date }[];
  followUps: { suggestionSeq: number; by: string; note: string; at: Date }[];
  crossTermVotes: {
    seq: number;
    term: number;
    satisfied: number;
    basic: number;
    unsatisfied: number;
    passed: boolean;
    votedAt: Date;
  }[];
}

type Serialised<T> = T extends Date
  ? string
  : T extends (infer I)[]
    ? Serialised<I>[]
    : T extends object
      ? { [K in keyof T]: Serialised<T[K]> }
      : T;

/**
 * The proposal's whole state as events carry it (`events/snapshots/proposal.schema.json`):
 * the rows with dates as ISO strings, so a replica can rebuild the same rows.
 */
export type ProposalSnapshot = Serialised<ProposalRows>;

/** Its events' names, from the contract's one list (`eventNames`). */
export type ProposalEventName = EventName<'proposal'>;

export function proposalSnapshot(rows: ProposalRows): ProposalSnapshot {
  return {
    id: rows.id,
    region: rows.region,
    number: rows.number,
    term: rows.term,
    session: rows.session,
    title: rows.title,
    body: rows.body,
    keywords: rows.keywords,
    category: rows.category,
    status: rows.status,
    proposerId: rows.proposerId,
    coProposerIds: rows.coProposerIds,
    collectiveProposer: rows.collectiveProposer,
    isKey: rows.isKey,
    deadline: isoDate(rows.deadline),
    submittedAt: isoTime(rows.submittedAt),
    registeredAt: isoTime(rows.registeredAt),
    assignedAt: isoTime(rows.assignedAt),
    repliedAt: isoTime(rows.repliedAt),
    round: rows.round,
    yellowFrom: isoDate(rows.yellowFrom),
    crossTermOutcome: rows.crossTermOutcome,
    crossTermSortedIn: rows.crossTermSortedIn,
    publishedAt: isoTime(rows.publishedAt),
    version: rows.version,
    createdAt: isoTime(rows.createdAt),
    updatedAt: isoTime(rows.updatedAt),
    suggestions: rows.suggestions.map(({ seq, text }) => ({ seq, text })),
    handlingUnits: rows.handlingUnits.map(({ name, role, suggestionSeqs }) => ({
      name,
      role,
      suggestionSeqs,
    })),
    replies: rows.replies.map(({ suggestionSeq, unit, round, outcome, text, repliedAt }) => ({
      suggestionSeq,
      unit,
      round,
      outcome,
      text,
      repliedAt: isoTime(repliedAt),
    })),
    evaluations: rows.evaluations.map(({ by, round, rating, comment, evaluator, evaluatedAt }) => ({
      by,
      round,
      rating,
      comment,
      evaluator,
      evaluatedAt: isoTime(evaluatedAt),
    })),
    reviews: rows.reviews.map(({ seq, step, decision, reviewer, reason, reviewedAt }) => ({
      seq,
      step,
      decision,
      reviewer,
      reason,
      reviewedAt: isoTime(reviewedAt),
    })),
    leaders: rows.leaders.map(({ seq, name, post }) => ({ seq, name, post })),
    followUps: rows.followUps.map(({ suggestionSeq, by, note, at }) => ({
      suggestionSeq,
      by,
      note,
      at: isoTime(at),
    })),
    urges: rows.urges.map(({ seq, kind, by, note, at }) => ({
      seq,
      kind,
      by,
      note,
      at: isoTime(at),
    })),
    crossTermVotes: rows.crossTermVotes.map(
      ({ seq, term, satisfied, basic, unsatisfied, passed, votedAt }) => ({
        seq,
        term,
        satisfied,
        basic,
        unsatisfied,
        passed,
        votedAt: isoTime(votedAt),
      }),
    ),
  };
}

/** The rows a snapshot stands for: what a replica stores. */
export function proposalRowsOf(snapshot: ProposalSnapshot): ProposalRows {
  const date = (value: string) => new Date(value);
  const optionalDate = (value: string | null) => (value === null ? null : new Date(value));
  return {
    ...snapshot,
    deadline: snapshot.deadline === null ? null : new Date(`${snapshot.deadline}T00:00:00Z`),
    submittedAt: date(snapshot.submittedAt),
    registeredAt: optionalDate(snapshot.registeredAt),
    assignedAt: optionalDate(snapshot.assignedAt),
    repliedAt: optionalDate(snapshot.repliedAt),
    yellowFrom: snapshot.yellowFrom === null ? null : new Date(`${snapshot.yellowFrom}T00:00:00Z`),
    publishedAt: optionalDate(snapshot.publishedAt),
    createdAt: date(snapshot.createdAt),
    updatedAt: date(snapshot.updatedAt),
    replies: snapshot.replies.map((reply) => ({ ...reply, repliedAt: date(reply.repliedAt) })),
    evaluations: snapshot.evaluations.map((evaluation) => ({
      ...evaluation,
      evaluatedAt: date(evaluation.evaluatedAt),
    })),
    reviews: snapshot.reviews.map((review) => ({ ...review, reviewedAt: date(review.reviewedAt) })),
    urges: snapshot.urges.map((urge) => ({ ...urge, at: date(urge.at) })),
    followUps: snapshot.followUps.map((followUp) => ({ ...followUp, at: date(followUp.at) })),
    crossTermVotes: snapshot.crossTermVotes.map((vote) => ({
      ...vote,
      votedAt: date(vote.votedAt),
    })),
  };
}

/** `proposal.<name>` at the version the change produced, carrying the proposal's state after it. */
export const proposalEvent = (
  name: ProposalEventName,
  rows: ProposalRows,
): NewEvent<{ snapshot: ProposalSnapshot }> => ({
  type: `proposal.${name}`,
  aggregate: { type: 'proposal', id: rows.id, version: rows.version },
  payload: { snapshot: proposalSnapshot(rows) },
});
