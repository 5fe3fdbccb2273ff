import { type Colour, type OutboxAddress, regionWhere } from '@huishang/subgraph-kit';
import type { Assignment } from '../domain/assignment.js';
import type { Evaluation } from '../domain/evaluation.js';
import { type FollowUp, handlingDone } from '../domain/follow-up.js';
import type { Reply } from '../domain/reply.js';
import type { ReviewAction, ReviewPlan } from '../domain/review.js';
import { defaultRules, type ProposalRules } from '../domain/rules.js';
import { type ColourCondition, colourCondition } from '../domain/search-filter.js';
import type { Urge } from '../domain/urge.js';
import type { ProposalEventName } from '../events/proposal-snapshot.js';
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import {
  applyChange,
  changeProposal,
  detail,
  type ProposalDetail,
  type ProposalFilter,
  rowsByProposal,
} from './proposals.js';

const reviewEvents: Record<ReviewAction, ProposalEventName> = {
  signIn: 'signed-in',
  preReview: 'pre-reviewed',
  register: 'registered',
  decline: 'declined',
  convert: 'converted',
};

/**
 * A review decision and the proposal's new status together. 立案 takes the session's next
 * 案号 in the same transaction, so numbers have no gaps. The review's seq follows those
 * loaded with `current`: the version check refuses the change if anyone added one since.
 */
export const reviewProposal = (
  db: PrismaClient,
  sink: OutboxAddress,
  current: ProposalDetail,
  plan: ReviewPlan,
  now: Date,
) =>
  db.$transaction(async (tx) => {
    let registration: Prisma.ProposalUpdateManyMutationInput = {};
    if (plan.status === 'REGISTERED') {
      const key = { region: current.region, term: current.term, session: current.session };
      const counter = await tx.proposalCounter.upsert({
        where: { region_term_session: key },
        create: { ...key, lastNumber: 1 },
        update: { lastNumber: { increment: 1 } },
      });
      registration = { number: counter.lastNumber, registeredAt: now };
    }
    return applyChange(
      tx,
      sink,
      reviewEvents[plan.action],
      current,
      { status: plan.status, ...registration },
      async () => ({
        reviews: [
          await tx.proposalReview.create({
            data: {
              proposalId: current.id,
              seq: current.reviews.length + 1,
              ...plan.review,
              reviewedAt: now,
            },
          }),
        ],
      }),
    );
  });

export const assignProposal = (
  db: PrismaClient,
  sink: OutboxAddress,
  current: ProposalDetail,
  assignment: Assignment,
  now: Date,
) =>
  changeProposal(
    db,
    sink,
    'assigned',
    current,
    {
      status: 'ASSIGNED',
      deadline: assignment.deadline,
      yellowFrom: assignment.yellowFrom,
      isKey: assignment.isKey,
      assignedAt: now,
    },
    async (tx) => ({
      handlingUnits: await tx.handlingUnit.createManyAndReturn({
        data: assignment.units.map((unit) => ({ proposalId: current.id, ...unit })),
      }),
      leaders: await tx.keyProposalLeader.createManyAndReturn({
        data: assignment.leaders.map((leader, i) => ({
          proposalId: current.id,
          seq: i + 1,
          ...leader,
        })),
      }),
    }),
  );

/**
 * 催办 / 督办 inside the caller's transaction: recorded on the proposal, which otherwise
 * stays as it is, with its event; seq as for reviews. The scheduler's reminders too.
 */
export const applyUrge = (
  tx: Prisma.TransactionClient,
  sink: OutboxAddress,
  current: ProposalDetail,
  urge: Urge,
  now: Date,
) =>
  applyChange(
    tx,
    sink,
    urge.kind === 'REMIND' ? 'reminded' : 'escalated',
    current,
    {},
    async (t) => ({
      urges: [
        await t.handlingUrge.create({
          data: { proposalId: current.id, seq: current.urges.length + 1, ...urge, at: now },
        }),
      ],
    }),
  );

/** 催办 / 督办 by staff: `applyUrge` in a transaction of its own. */
export const urgeProposal = (
  db: PrismaClient,
  sink: OutboxAddress,
  current: ProposalDetail,
  urge: Urge,
  now: Date,
) => db.$transaction((tx) => applyUrge(tx, sink, current, urge, now));

export const replyToProposal = (
  db: PrismaClient,
  sink: OutboxAddress,
  current: ProposalDetail,
  reply: Reply,
  now: Date,
) =>
  changeProposal(
    db,
    sink,
    'replied',
    current,
    {
      status: reply.status,
      ...(reply.status === 'REPLIED' && current.status !== 'REPLIED' ? { repliedAt: now } : {}),
    },
    async (tx) => ({
      replies: await tx.itemReply.createManyAndReturn({
        data: reply.items.map((item) => ({
          proposalId: current.id,
          unit: reply.unit,
          round: reply.round,
          repliedAt: now,
          ...item,
        })),
      }),
    }),
  );

/** An evaluation; one that opens the second round moves the round, deadline and colour on. */
export const evaluateProposal = (
  db: PrismaClient,
  sink: OutboxAddress,
  current: ProposalDetail,
  evaluation: Evaluation,
  now: Date,
) => {
  const { secondRound, status, ...record } = evaluation;
  return changeProposal(
    db,
    sink,
    secondRound ? 'second-round-opened' : 'evaluated',
    current,
    { status, ...(secondRound ?? {}) },
    async (tx) => ({
      evaluations: [
        await tx.proposalEvaluation.create({
          data: { proposalId: current.id, ...record, evaluatedAt: now },
        }),
      ],
    }),
  );
};

/** 回头看 of one item, recorded on the proposal, which otherwise stays as it is. */
export const followUpProposal = (
  db: PrismaClient,
  sink: OutboxAddress,
  current: ProposalDetail,
  followUp: FollowUp,
  now: Date,
) =>
  changeProposal(db, sink, 'followed-up', current, {}, async (tx) => ({
    followUps: [
      await tx.followUp.create({ data: { proposalId: current.id, ...followUp, at: now } }),
    ],
  }));

/** A committee's rules; the defaults until it sets its own. */
export async function findRules(
  db: Prisma.TransactionClient,
  region: string,
): Promise<ProposalRules> {
  const row = await db.proposalRules.findUnique({ where: { region } });
  if (!row) return defaultRules;
  const { region: _, updatedBy, updatedAt, ...rules } = row;
  return rules;
}

export const saveRules = (
  db: PrismaClient,
  region: string,
  rules: ProposalRules,
  updatedBy: string,
  now: Date,
) =>
  db.proposalRules.upsert({
    where: { region },
    create: { region, ...rules, updatedBy, updatedAt: now },
    update: { ...rules, updatedBy, updatedAt: now },
  });

/** Proposals under handling of the given colours at `now`, as search filters them (search-filter.ts). */
export function colourWhere(
  filter: Pick<ProposalFilter, 'region' | 'includeSubregions'>,
  colours: Colour[],
  now: Date,
): Prisma.ProposalWhereInput {
  const where = (c: ColourCondition): Prisma.ProposalWhereInput => ({
    status: { in: [...c.statuses] },
    deadline: {
      ...(c.deadlineBefore ? { lt: c.deadlineBefore } : {}),
      ...(c.deadlineFrom ? { gte: c.deadlineFrom } : {}),
    },
    yellowFrom: {
      ...(c.yellowFromUntil ? { lte: c.yellowFromUntil } : {}),
      ...(c.yellowFromAfter ? { gt: c.yellowFromAfter } : {}),
    },
  });
  return {
    ...regionWhere(filter.region, filter.includeSubregions),
    OR: colours.map((colour) => where(colourCondition(colour, now))),
  };
}

/**
 * How many proposals show `colours` now: the deadline tally (migration 0004) summed under
 * the same predicate as `colourWhere`, instead of counting the proposals themselves.
 */
export async function countByColour(
  db: PrismaClient,
  filter: Pick<ProposalFilter, 'region' | 'includeSubregions'>,
  colours: Colour[],
  now: Date,
): Promise<number> {
  const where = colourWhere(filter, colours, now) as Prisma.ProposalDeadlineTallyWhereInput;
  const { _sum } = await db.proposalDeadlineTally.aggregate({ where, _sum: { count: true } });
  return _sum.count ?? 0;
}

/** Finished proposals with an unadopted reply, and what the follow-up list needs of them. */
export const findFollowUpSources = (
  db: PrismaClient,
  filter: Pick<ProposalFilter, 'region' | 'includeSubregions'>,
  take: number,
) =>
  db.proposal.findMany({
    where: {
      ...regionWhere(filter.region, filter.includeSubregions),
      status: { in: [...handlingDone] },
      replies: { some: { outcome: 'NOT_ADOPTED' } },
    },
    include: {
      suggestions: detail.suggestions,
      handlingUnits: true,
      replies: detail.replies,
      followUps: true,
    },
    orderBy: { id: 'desc' },
    take,
  });

export const findReviews = (db: PrismaClient, ids: string[]) =>
  rowsByProposal(ids, (where) => db.proposalReview.findMany({ where, ...detail.reviews }));

export const findLeaders = (db: PrismaClient, ids: string[]) =>
  rowsByProposal(ids, (where) => db.keyProposalLeader.findMany({ where, ...detail.leaders }));

export const findUrges = (db: PrismaClient, ids: string[]) =>
  rowsByProposal(ids, (where) => db.handlingUrge.findMany({ where, ...detail.urges }));

export const findFollowUps = (db: PrismaClient, ids: string[]) =>
  rowsByProposal(ids, (where) => db.followUp.findMany({ where, ...detail.followUps }));
