import { getRegion } from '@huishang/schema';
import {
  assertReadableRegion,
  assertWritableRegion,
  isoDate,
  listConnection,
  NotFoundError,
  type PageArgs,
  requireDate,
  requireText,
} from '@huishang/subgraph-kit';
import type { MembersContext } from '../context.js';
import {
  type DutyRecord,
  dutyCounts,
  membersOfTerm,
  recordSpeech,
  saveWeights,
  weightColumns,
  weightsOf,
} from '../data/duty.js';
import {
  type DutyWeights,
  dutyScore,
  normaliseWeights,
  rankMembers,
} from '../domain/duty-score.js';
import { DutyKeptElsewhereError, InvalidTermError } from '../errors.js';
import type { Meeting } from '../generated/prisma/enums.js';

/** The GraphQL shape of a committee's weights. */
const weightsView = (region: string, w: DutyWeights) => ({ region, ...weightColumns(w) });

export interface WeightsInput {
  proposalLed?: number | null;
  proposalCoSigned?: number | null;
  consultationAttended?: number | null;
  opinionSubmitted?: number | null;
  supervisionJoined?: number | null;
  speech?: number | null;
}

export const dutyRecordResolvers = {
  occurredOn: (record: DutyRecord) => isoDate(record.occurredOn),
};

export const dutyWeightsResolvers = {
  region: (weights: { region: string }) => getRegion(weights.region),
};

export const dutyQueries = {
  async dutyWeights(_: unknown, args: { region: string }, context: MembersContext) {
    assertReadableRegion(context.identity, args.region);
    return weightsView(args.region, await weightsOf(context.db(), args.region));
  },

  async dutyRanking(
    _: unknown,
    args: { region: string; term: number } & PageArgs,
    context: MembersContext,
  ) {
    const caller = assertReadableRegion(context.identity, args.region);
    if (caller.node !== args.region) throw new DutyKeptElsewhereError(args.region, caller.node);
    if (!Number.isInteger(args.term) || args.term < 1 || args.term > 99)
      throw new InvalidTermError(args.term);
    const db = context.db();
    const [members, weights] = await Promise.all([
      membersOfTerm(db, args.region, args.term),
      weightsOf(db, args.region),
    ]);
    const counts = await dutyCounts(
      db,
      members.map((m) => m.id),
    );
    const ranking = rankMembers(
      members.map((m) => ({
        memberId: m.id,
        name: m.name,
        score: dutyScore(counts.get(m.id) ?? {}, weights).total,
      })),
    );
    return listConnection(
      ranking.map((r) => ({ rank: r.rank, score: r.score, memberId: r.memberId })),
      args,
      (r) => r.memberId,
    );
  },
};

export const dutyRankingResolvers = {
  member: (entry: { memberId: string }, _: unknown, context: MembersContext) =>
    context.memberById.load(entry.memberId),
};

export const dutyMutations = {
  async recordSpeech(
    _: unknown,
    args: { input: { memberId: string; meeting: Meeting; title: string; spokenOn: string } },
    context: MembersContext,
  ) {
    const { input } = args;
    const member = await context.memberById.load(input.memberId);
    if (!member) throw new NotFoundError('Member', input.memberId);
    const caller = assertWritableRegion(context.identity, member.region);
    return recordSpeech(context.db(), context.sink(), caller.subject, {
      memberId: member.id,
      meeting: input.meeting,
      title: requireText('title', input.title, 200),
      spokenOn: requireDate('spokenOn', input.spokenOn),
    });
  },

  async setDutyWeights(
    _: unknown,
    args: { region: string; input: WeightsInput },
    context: MembersContext,
  ) {
    const caller = assertWritableRegion(context.identity, args.region);
    const { input } = args;
    const current = await weightsOf(context.db(), args.region);
    const weights = normaliseWeights(
      {
        PROPOSAL_LED: input.proposalLed ?? undefined,
        PROPOSAL_CO_SIGNED: input.proposalCoSigned ?? undefined,
        CONSULTATION_ATTENDED: input.consultationAttended ?? undefined,
        OPINION_SUBMITTED: input.opinionSubmitted ?? undefined,
        SUPERVISION_JOINED: input.supervisionJoined ?? undefined,
        SPEECH: input.speech ?? undefined,
      },
      current,
    );
    await saveWeights(context.db(), context.sink(), caller.subject, weights);
    return weightsView(args.region, weights);
  },
};
