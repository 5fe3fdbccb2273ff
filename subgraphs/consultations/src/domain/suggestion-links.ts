import { InvalidInputError } from '@huishang/subgraph-kit';
import { SuggestionLinkedError } from '../errors.js';
import { optionalId } from './place.js';

export interface SuggestionLinkInput {
  proposalId?: string | null;
  opinionItemId?: string | null;
}

/**
 * A suggestion becomes one proposal or one opinion item, once: the link is stored here,
 * and the proposal or item shows it back as `fromSuggestions`.
 */
export function normaliseLink(
  suggestion: { id: string; proposalId: string | null; opinionItemId: string | null },
  input: SuggestionLinkInput,
) {
  const proposalId = optionalId('proposalId', input.proposalId);
  const opinionItemId = optionalId('opinionItemId', input.opinionItemId);
  if ((proposalId === null) === (opinionItemId === null))
    throw new InvalidInputError(
      'proposalId',
      '须填写 proposalId 或 opinionItemId 之一 / give exactly one of proposalId and opinionItemId',
    );
  if (suggestion.proposalId) throw new SuggestionLinkedError(suggestion.id, 'proposal');
  if (suggestion.opinionItemId) throw new SuggestionLinkedError(suggestion.id, 'opinion item');
  return { proposalId, opinionItemId };
}
