import { canRead, requireIdentity } from '@huishang/subgraph-kit';
import type { ConsultationsContext } from '../context.js';
import type { Suggestion } from '../data/consultations.js';
import { canSeeConsultation } from '../domain/parties.js';

export const suggestionResolvers = {
  contributedBy: (s: Suggestion) => (s.contributedBy ? { code: s.contributedBy } : null),
  proposal: (s: Suggestion) => (s.proposalId ? { __typename: 'Proposal', id: s.proposalId } : null),
  // A joint party sees the owner's suggestion, not the owner's item it became.
  opinionItem: async (s: Suggestion, _: unknown, context: ConsultationsContext) => {
    const item = s.opinionItemId ? await context.opinionItemById.load(s.opinionItemId) : null;
    return item && canRead(requireIdentity(context.identity), item.region) ? item : null;
  },
};

/** Suggestions linked to `id`, of consultations the caller may see. */
async function linked(
  loader: { load(id: string): Promise<Suggestion[]> },
  id: string,
  context: ConsultationsContext,
) {
  const caller = requireIdentity(context.identity);
  const rows = await loader.load(id);
  const consultations = await Promise.all(
    rows.map((s) => context.consultationById.load(s.consultationId)),
  );
  return rows.filter((_, i) => {
    const consultation = consultations[i];
    return consultation != null && canSeeConsultation(caller, consultation);
  });
}

/** The reverse links: a proposal (resolved by the proposals subgraph) and an opinion item. */
export const proposalResolvers = {
  fromSuggestions: (proposal: { id: string }, _: unknown, context: ConsultationsContext) =>
    linked(context.suggestionsOfProposal, proposal.id, context),
};

export const opinionItemSuggestionResolvers = {
  fromSuggestions: (item: { id: string }, _: unknown, context: ConsultationsContext) =>
    linked(context.suggestionsOfOpinionItem, item.id, context),
};
