import {
  assertReadableRegion,
  type Colour,
  InvalidInputError,
  parsePage,
} from '@huishang/subgraph-kit';
import type { ProposalsContext } from '../context.js';
import { type SearchFilter, searchProposals } from '../data/search.js';
import { colourCondition } from '../domain/search-filter.js';
import { queryTokens } from '../domain/search-text.js';
import { EmptySearchError } from '../errors.js';

type SearchArgs = Omit<SearchFilter, 'colour'> & {
  query: string;
  colour?: Colour | null;
  first: number;
  offset: number;
};

export const searchQueryResolvers = {
  /** Ranked full-text search for the office; on a city or province node, over its replicas too. */
  async searchProposals(_: unknown, args: SearchArgs, context: ProposalsContext) {
    assertReadableRegion(context.identity, args.region);
    const tokens = queryTokens(args.query);
    if (tokens.length === 0) throw new EmptySearchError(args.query);
    const { take } = parsePage({ first: args.first });
    if (!Number.isInteger(args.offset) || args.offset < 0)
      throw new InvalidInputError('offset', '不能为负 / must not be negative');
    const { hits, totalCount } = await searchProposals(
      context.db(),
      context.sink().schema,
      tokens,
      { ...args, colour: args.colour ? colourCondition(args.colour, new Date()) : null },
      { take, skip: args.offset },
    );
    const proposals = await Promise.all(hits.map(({ id }) => context.proposalById.load(id)));
    return {
      totalCount,
      hits: hits.map(({ rank }, i) => ({ proposal: proposals[i], rank })),
    };
  },
};
