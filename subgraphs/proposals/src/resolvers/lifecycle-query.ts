import {
  assertReadableRegion,
  type Colour,
  fetchConnection,
  type PageArgs,
  parsePage,
  type RegionScope,
} from '@huishang/subgraph-kit';
import type { ProposalsContext } from '../context.js';
import { colourWhere, countByColour, findFollowUpSources, findRules } from '../data/lifecycle.js';
import { listWhere } from '../data/proposals.js';
import { openFollowUpItems } from '../domain/follow-up.js';

/** What a proposal office asks of the lifecycle: its rules, what is late, what to look back at. */
export const lifecycleQueryResolvers = {
  async proposalRules(_: unknown, args: { region: string }, context: ProposalsContext) {
    assertReadableRegion(context.identity, args.region);
    return { region: args.region, ...(await findRules(context.db(), args.region)) };
  },

  /** Colours are for now: a proposal turns yellow and red with the clock, not with a write. */
  proposalsByColour(
    _: unknown,
    args: RegionScope & PageArgs & { colours?: Colour[] | null },
    context: ProposalsContext,
  ) {
    assertReadableRegion(context.identity, args.region);
    const colours = args.colours ?? ['YELLOW', 'RED'];
    const now = new Date();
    const where = colourWhere(args, colours, now);
    return fetchConnection(
      args,
      (idBefore, take) => listWhere(context.db(), where, idBefore, take),
      () => countByColour(context.db(), args, colours, now),
    );
  },

  async followUpItems(
    _: unknown,
    args: RegionScope & { first?: number | null },
    context: ProposalsContext,
  ) {
    assertReadableRegion(context.identity, args.region);
    const { take } = parsePage({ first: args.first });
    const sources = await findFollowUpSources(context.db(), args, take);
    return sources
      .flatMap((proposal) =>
        openFollowUpItems(proposal).map((reply) => ({
          proposal,
          suggestion: proposal.suggestions.find((s) => s.seq === reply.suggestionSeq),
          reply,
        })),
      )
      .slice(0, take);
  },
};

export const proposalRulesResolvers = {
  region: (rules: { region: string }) => ({ code: rules.region }),
};
