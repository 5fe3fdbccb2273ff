import { optionalText, requireText } from '@huishang/subgraph-kit';
import { CommentModeratedError, ReasonRequiredError } from '../errors.js';
import type { CommentStatus } from '../generated/prisma/enums.js';

/** A comment longer than this is refused; 政协提案我参与 takes short remarks, not essays. */
export const maxCommentLength = 500;

export type ModerationDecision = 'APPROVE' | 'REJECT';

/**
 * PENDING → APPROVED | REJECTED, once, by staff. Only approved comments are ever shown to
 * the public; a rejection keeps its reason for the record.
 */
const allowed: Record<CommentStatus, readonly ModerationDecision[]> = {
  PENDING: ['APPROVE', 'REJECT'],
  APPROVED: [],
  REJECTED: [],
};

/** The comment text as stored: trimmed, 1 to `maxCommentLength` characters. */
export const normaliseComment = (body: string): string =>
  requireText('body', body, maxCommentLength);

/** The fields a moderation sets; refused on a comment already moderated, naming its state. */
export function planModeration(
  current: CommentStatus,
  decision: ModerationDecision,
  reason: string | null | undefined,
): { status: CommentStatus; reason: string | null } {
  if (!allowed[current].includes(decision))
    throw new CommentModeratedError(current, [...allowed[current]]);
  const why = optionalText('reason', reason, 500);
  if (decision === 'REJECT' && !why) throw new ReasonRequiredError('reject');
  return { status: decision === 'APPROVE' ? 'APPROVED' : 'REJECTED', reason: why };
}
