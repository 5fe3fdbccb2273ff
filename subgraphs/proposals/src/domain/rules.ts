import { InvalidInputError } from '@huishang/subgraph-kit';
import { BodyTooShortError, KeywordsRequiredError, TooFewSuggestionsError } from '../errors.js';
import type { Submission } from './submission.js';

/** A committee's proposal rules (提案工作细则): what a submission must contain, and handling limits. */
export interface ProposalRules {
  /** The body's minimum length in characters. @default 20 */
  minBodyLength: number;
  /** The suggestion list's minimum number of items. @default 1 */
  minSuggestions: number;
  /** Whether keywords must be given. @default false */
  keywordsRequired: boolean;
  /** YELLOW from this many days before the deadline. @default 7 */
  yellowWithinDays: number;
  /** Days a second round of handling gets, from its opening. @default 30 */
  secondRoundDays: number;
}

/** What a committee that has set nothing gets. */
export const defaultRules: ProposalRules = {
  minBodyLength: 20,
  minSuggestions: 1,
  keywordsRequired: false,
  yellowWithinDays: 7,
  secondRoundDays: 30,
};

const ranges: Record<Exclude<keyof ProposalRules, 'keywordsRequired'>, [number, number]> = {
  minBodyLength: [20, 5000],
  minSuggestions: [1, 50],
  yellowWithinDays: [0, 60],
  secondRoundDays: [1, 180],
};

/** Validates rules a committee sets: each number whole and within its range. */
export function normaliseRules(input: ProposalRules): ProposalRules {
  for (const [field, [min, max]] of Object.entries(ranges)) {
    const value = input[field as keyof typeof ranges];
    if (!Number.isInteger(value) || value < min || value > max)
      throw new InvalidInputError(field, `须为 ${min} 到 ${max} 的整数 / must be ${min}..${max}`);
  }
  return { ...input };
}

/** Refuses a submission that breaks its committee's rules, saying which rule. */
export function checkSubmissionRules(submission: Submission, rules: ProposalRules): void {
  const length = [...submission.body].length;
  if (length < rules.minBodyLength) throw new BodyTooShortError(rules.minBodyLength, length);
  if (submission.suggestions.length < rules.minSuggestions)
    throw new TooFewSuggestionsError(rules.minSuggestions, submission.suggestions.length);
  if (rules.keywordsRequired && submission.keywords.length === 0) throw new KeywordsRequiredError();
}
