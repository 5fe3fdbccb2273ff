import type { ConsultationsContext } from '../context.js';
import type { Suggestion } from '../data/consultations.js';

export const suggestionResolvers = {
  contributedBy: (s: Suggestion) => (s.contributedBy ? { code: s.contributedBy } : null),
  proposal: (s: Suggestion) => (s.proposalId ? { __typename: 'Proposal', id: s.proposalId } : null),
  opinionItem: (s: Suggestion, _: unknown, context: ConsultationsContext) =>
    s.opinionItemId ? context.opinionItemById.load(s.opinionItemId) : null,
};

const linked = async (
  loader: { load(id: string): Promise<{ rows: Suggestion[] } | null> },
  id: string,
) => (await loader.load(id))?.rows ?? [];

/** The reverse links: a proposal (resolved by the proposals subgraph) and an opinion item. */
export const proposalResolvers = {
  fromSuggestions: (proposal: { id: string }, _: unknown, context: ConsultationsContext) =>
    linked(context.suggestionsOfProposal, proposal.id),
};

export const opinionItemSuggestionResolvers = {
  fromSuggestions: (item: { id: string }, _: unknown, context: ConsultationsContext) =>
    linked(context.suggestionsOfOpinionItem, item.id),
};
