import { InvalidInputError, optionalText, requireText } from '@huishang/subgraph-kit';
import { ConsultationClosedError } from '../errors.js';
import type { ConsultationStage } from '../generated/prisma/enums.js';

export interface SuggestionInput {
  text: string;
  proposedBy?: string | null;
}

export interface SuggestionFields {
  text: string;
  proposedBy: string | null;
}

export function normaliseSuggestions(inputs: readonly SuggestionInput[]): SuggestionFields[] {
  if (inputs.length === 0)
    throw new InvalidInputError('suggestions', '至少一条 / at least one suggestion');
  return inputs.map((input) => ({
    text: requireText('text', input.text, 2000),
    proposedBy: optionalText('proposedBy', input.proposedBy, 50),
  }));
}

/** Adoption is recorded while the consultation runs; a closed one is a settled record. */
export function assertAdoptionSettable(consultation: { id: string; stage: ConsultationStage }) {
  if (consultation.stage === 'CLOSED')
    throw new ConsultationClosedError(consultation.id, consultation.stage);
}
