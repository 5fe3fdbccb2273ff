import { optionalText } from '@huishang/subgraph-kit';
import { AlreadyEvaluatedError } from '../errors.js';
import type { EvaluatorParty, Rating } from '../generated/prisma/enums.js';

export interface EvaluationInput {
  party: EvaluatorParty;
  /** 意见建议“提得好” */
  wellMade: Rating;
  /** “办得好” */
  wellHandled: Rating;
  /** 思想共识“聚得好” */
  consensus: Rating;
  note?: string | null;
}

/** 三方评价: members, the public and experts, and government each rate once. */
export function normaliseEvaluation(
  consultation: { id: string; evaluations: readonly { party: EvaluatorParty }[] },
  input: EvaluationInput,
) {
  if (consultation.evaluations.some((e) => e.party === input.party))
    throw new AlreadyEvaluatedError(consultation.id, input.party);
  return {
    party: input.party,
    wellMade: input.wellMade,
    wellHandled: input.wellHandled,
    consensus: input.consensus,
    note: optionalText('note', input.note, 500),
  };
}
