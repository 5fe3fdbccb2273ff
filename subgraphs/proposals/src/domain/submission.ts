import { InvalidInputError, optionalText, requireText } from '@huishang/subgraph-kit';
import { DuplicateCoProposerError, ProposerRequiredError } from '../errors.js';
import type { ProposalCategory } from '../generated/prisma/enums.js';
import { requireUuid } from './ids.js';

export interface SubmissionInput {
  term: number;
  session: number;
  title: string;
  body: string;
  keywords?: string[] | null;
  category: ProposalCategory;
  proposerId?: string | null;
  coProposerIds?: string[] | null;
  collectiveProposer?: string | null;
  suggestions: string[];
}

export interface Submission {
  term: number;
  session: number;
  title: string;
  body: string;
  keywords: string[];
  category: ProposalCategory;
  proposerId: string | null;
  coProposerIds: string[];
  collectiveProposer: string | null;
  /** The suggestion list in order; item n gets seq n. */
  suggestions: string[];
}

function requireCount(field: string, value: number, max: number): number {
  if (!Number.isInteger(value) || value < 1 || value > max)
    throw new InvalidInputError(field, `须为 1 到 ${max} / must be 1..${max}, got ${value}`);
  return value;
}

/**
 * Validates a submission: a title of 5..100 characters, a body of at least 20, at least
 * one suggestion, and either a lead proposer (with distinct co-proposers) or a collective
 * proposing body.
 */
export function normaliseSubmission(input: SubmissionInput): Submission {
  const proposerId = input.proposerId ? requireUuid('proposerId', input.proposerId) : null;
  const collectiveProposer = optionalText('collectiveProposer', input.collectiveProposer, 100);
  if ((proposerId === null) === (collectiveProposer === null)) throw new ProposerRequiredError();
  const coProposerIds: string[] = [];
  for (const raw of input.coProposerIds ?? []) {
    const id = requireUuid('coProposerIds', raw);
    if (id === proposerId || coProposerIds.includes(id)) throw new DuplicateCoProposerError(id);
    coProposerIds.push(id);
  }
  const suggestions = input.suggestions.map((s) => requireText('suggestions', s, 500));
  if (suggestions.length === 0)
    throw new InvalidInputError('suggestions', '至少一条建议 / at least one suggestion');
  if (suggestions.length > 50)
    throw new InvalidInputError('suggestions', '至多 50 条建议 / at most 50 suggestions');
  const keywords = [...new Set((input.keywords ?? []).map((k) => requireText('keywords', k, 20)))];
  if (keywords.length > 10)
    throw new InvalidInputError('keywords', '至多 10 个关键词 / at most 10 keywords');
  return {
    term: requireCount('term', input.term, 99),
    session: requireCount('session', input.session, 20),
    title: requireText('title', input.title, 100, 5),
    body: requireText('body', input.body, 20_000, 20),
    keywords,
    category: input.category,
    proposerId,
    coProposerIds,
    collectiveProposer,
    suggestions,
  };
}
