import { InvalidInputError } from '@huishang/subgraph-kit';
import { normaliseParticipants, type ParticipantInput } from './participants.js';
import { normaliseSuggestions, type SuggestionInput } from './suggestions.js';

export interface Contribution {
  participants?: ParticipantInput[] | null;
  suggestions?: SuggestionInput[] | null;
}

/** A joint party's contribution: participants, suggestions, or both, never nothing. */
export function contributionOf(input: Contribution) {
  const participants = input.participants?.length ? normaliseParticipants(input.participants) : [];
  const suggestions = input.suggestions?.length ? normaliseSuggestions(input.suggestions) : [];
  if (participants.length + suggestions.length === 0)
    throw new InvalidInputError('participants', '须提交参加人或建议 / nothing to contribute');
  return { participants, suggestions };
}
