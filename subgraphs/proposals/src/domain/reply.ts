import { InvalidInputError, requireText } from '@huishang/subgraph-kit';
import {
  AlreadyRepliedError,
  NotHandlingUnitError,
  NotResponsibleForItemError,
  UnknownSuggestionError,
} from '../errors.js';
import type { HandlingRole, ProposalStatus, ReplyOutcome } from '../generated/prisma/enums.js';
import { assertTransition } from './proposal-lifecycle.js';

export interface ReplyItem {
  suggestionSeq: number;
  outcome: ReplyOutcome;
  text: string;
}

export interface HandlingState {
  status: ProposalStatus;
  round: number;
  suggestions: { seq: number }[];
  handlingUnits: { name: string; role: HandlingRole; suggestionSeqs: number[] }[];
  replies: { suggestionSeq: number; unit: string; round: number }[];
}

export interface Reply {
  unit: string;
  round: number;
  items: ReplyItem[];
  /** REPLIED once the lead unit has answered every suggestion of the round. */
  status: ProposalStatus;
}

/**
 * 逐条答复: a handling unit answers the items it is responsible for, each once a round (a
 * second round answers them again). The proposal counts as replied when its lead unit
 * has answered every item of the round.
 */
export function planReply(current: HandlingState, unitName: string, items: ReplyItem[]): Reply {
  assertTransition(current.status, 'reply');
  const unit = current.handlingUnits.find((u) => u.name === unitName.trim());
  if (!unit) throw new NotHandlingUnitError(unitName.trim());
  if (items.length === 0)
    throw new InvalidInputError('items', '至少答复一条建议 / reply to at least one item');
  const answered = new Set(
    current.replies
      .filter((r) => r.unit === unit.name && r.round === current.round)
      .map((r) => r.suggestionSeq),
  );
  const accepted: ReplyItem[] = [];
  for (const item of items) {
    if (!current.suggestions.some((s) => s.seq === item.suggestionSeq))
      throw new UnknownSuggestionError(item.suggestionSeq);
    if (!unit.suggestionSeqs.includes(item.suggestionSeq))
      throw new NotResponsibleForItemError(unit.name, item.suggestionSeq);
    if (answered.has(item.suggestionSeq))
      throw new AlreadyRepliedError(unit.name, item.suggestionSeq);
    answered.add(item.suggestionSeq);
    accepted.push({ ...item, text: requireText('items.text', item.text, 2000) });
  }
  const leadDone = unit.role === 'LEAD' && current.suggestions.every((s) => answered.has(s.seq));
  return {
    unit: unit.name,
    round: current.round,
    items: accepted,
    status: leadDone ? 'REPLIED' : current.status,
  };
}
