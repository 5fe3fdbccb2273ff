import { assertReadableRegion, InvalidInputError } from '@huishang/subgraph-kit';
import type { ConsultationsContext } from '../context.js';
import { heldInYear } from '../data/consultations.js';
import { plannedTopics } from '../data/topics.js';
import { planProgress } from '../domain/plan.js';

export const planQueryResolvers = {
  /** The year's 6+X plan of 请你来协商 against what was held: the office's annual check. */
  async consultationPlan(
    _: unknown,
    args: { region: string; year: number },
    context: ConsultationsContext,
  ) {
    assertReadableRegion(context.identity, args.region);
    if (args.year < 2000 || args.year > 2100)
      throw new InvalidInputError('year', `不是有效年份 / not a plan year: ${args.year}`);
    const [topics, held] = await Promise.all([
      plannedTopics(context.db(), args.region, args.year),
      heldInYear(context.db(), args.region, args.year),
    ]);
    return {
      region: { code: args.region },
      year: args.year,
      topics,
      ...planProgress(topics, held),
    };
  },
};
