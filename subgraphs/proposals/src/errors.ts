import { HuishangError } from '@huishang/schema';

export class IllegalTransitionError extends HuishangError {
  constructor(
    state: string,
    stateLabel: string,
    action: string,
    actionLabel: string,
    allowed: { action: string; label: string }[],
  ) {
    const labels = allowed.map((a) => a.label).join('、') || '无';
    const actions = allowed.map((a) => a.action).join(', ') || 'none';
    super(
      'PROPOSALS_ILLEGAL_TRANSITION',
      'CONFLICT',
      `提案当前状态为“${stateLabel}”，不能${actionLabel}，可以：${labels} / a proposal in state ${state} cannot ${action}; allowed: ${actions}`,
      { fields: { state, action, allowed: allowed.map((a) => a.action) } },
    );
  }
}

export class ProposerRequiredError extends HuishangError {
  constructor() {
    super(
      'PROPOSALS_PROPOSER_REQUIRED',
      'BAD_USER_INPUT',
      '须填写领衔人或集体提案单位，且只能二选一 / give either proposerId or collectiveProposer, not both',
    );
  }
}

export class DuplicateCoProposerError extends HuishangError {
  constructor(memberId: string) {
    super(
      'PROPOSALS_DUPLICATE_CO_PROPOSER',
      'BAD_USER_INPUT',
      `联名人重复或与领衔人相同 / co-proposer ${memberId} is repeated or is the lead proposer`,
      { fields: { memberId } },
    );
  }
}

export class LeadUnitRequiredError extends HuishangError {
  constructor(leads: number) {
    super(
      'PROPOSALS_LEAD_UNIT_REQUIRED',
      'BAD_USER_INPUT',
      `须有且只有一个主办单位（现有 ${leads} 个）/ exactly one LEAD unit is required, got ${leads}`,
      { fields: { leads } },
    );
  }
}

export class DuplicateUnitError extends HuishangError {
  constructor(unit: string) {
    super(
      'PROPOSALS_DUPLICATE_UNIT',
      'BAD_USER_INPUT',
      `承办单位重复：${unit} / handling unit listed twice: ${unit}`,
      { fields: { unit } },
    );
  }
}

export class DeadlinePassedError extends HuishangError {
  constructor(deadline: string, today: string) {
    super(
      'PROPOSALS_DEADLINE_PASSED',
      'BAD_USER_INPUT',
      `办理时限 ${deadline} 早于今天 ${today} / the deadline ${deadline} is before today ${today}`,
      { fields: { deadline, today } },
    );
  }
}

export class NotHandlingUnitError extends HuishangError {
  constructor(unit: string) {
    super(
      'PROPOSALS_NOT_HANDLING_UNIT',
      'BAD_USER_INPUT',
      `${unit} 不是本提案的承办单位 / ${unit} is not a handling unit of this proposal`,
      { fields: { unit } },
    );
  }
}

export class UnknownSuggestionError extends HuishangError {
  constructor(suggestionSeq: number) {
    super(
      'PROPOSALS_UNKNOWN_SUGGESTION',
      'BAD_USER_INPUT',
      `建议清单中没有第 ${suggestionSeq} 条 / the suggestion list has no item ${suggestionSeq}`,
      { fields: { suggestionSeq } },
    );
  }
}

export class AlreadyRepliedError extends HuishangError {
  constructor(unit: string, suggestionSeq: number) {
    super(
      'PROPOSALS_ALREADY_REPLIED',
      'CONFLICT',
      `${unit} 已答复第 ${suggestionSeq} 条建议 / ${unit} has already replied to item ${suggestionSeq}`,
      { fields: { unit, suggestionSeq } },
    );
  }
}

export class AlreadyEvaluatedError extends HuishangError {
  constructor(by: string, state: string, stateLabel: string) {
    super(
      'PROPOSALS_ALREADY_EVALUATED',
      'CONFLICT',
      `${by === 'PROPOSER' ? '提案者' : '承办单位'}已评价过，提案当前状态为“${stateLabel}” / ${by} has already evaluated this proposal, now ${state}`,
      { fields: { by, state } },
    );
  }
}

export class BodyTooShortError extends HuishangError {
  constructor(minLength: number, length: number) {
    super(
      'PROPOSALS_BODY_TOO_SHORT',
      'BAD_USER_INPUT',
      `本委员会要求提案正文至少 ${minLength} 字，现有 ${length} 字 / the committee requires a body of at least ${minLength} characters, got ${length}`,
      { fields: { minLength, length } },
    );
  }
}

export class TooFewSuggestionsError extends HuishangError {
  constructor(minSuggestions: number, count: number) {
    super(
      'PROPOSALS_TOO_FEW_SUGGESTIONS',
      'BAD_USER_INPUT',
      `本委员会要求建议清单至少 ${minSuggestions} 条，现有 ${count} 条 / the committee requires at least ${minSuggestions} suggestions, got ${count}`,
      { fields: { minSuggestions, count } },
    );
  }
}

export class KeywordsRequiredError extends HuishangError {
  constructor() {
    super(
      'PROPOSALS_KEYWORDS_REQUIRED',
      'BAD_USER_INPUT',
      '本委员会要求填写关键词 / the committee requires keywords',
    );
  }
}

export class ReasonRequiredError extends HuishangError {
  constructor(action: string) {
    super('PROPOSALS_REASON_REQUIRED', 'BAD_USER_INPUT', `须说明理由 / ${action} needs a reason`, {
      fields: { action },
    });
  }
}

export class KeyLeadersRequiredError extends HuishangError {
  constructor(isKey: boolean) {
    super(
      'PROPOSALS_KEY_LEADERS_REQUIRED',
      'BAD_USER_INPUT',
      isKey
        ? '重点提案须有领办领导（姓名、职务）/ a key proposal needs its leading officials (name and post)'
        : '只有重点提案才有领办领导 / only a key proposal has leading officials',
      { fields: { isKey } },
    );
  }
}

export class NotResponsibleForItemError extends HuishangError {
  constructor(unit: string, suggestionSeq: number) {
    super(
      'PROPOSALS_NOT_RESPONSIBLE_FOR_ITEM',
      'BAD_USER_INPUT',
      `${unit} 未承办第 ${suggestionSeq} 条建议 / ${unit} is not responsible for item ${suggestionSeq}`,
      { fields: { unit, suggestionSeq } },
    );
  }
}

export class NotOpenForFollowUpError extends HuishangError {
  constructor(suggestionSeq: number, state: string) {
    super(
      'PROPOSALS_NOT_OPEN_FOR_FOLLOW_UP',
      'CONFLICT',
      `第 ${suggestionSeq} 条建议不在待回头看之列（提案状态 ${state}）/ item ${suggestionSeq} is not open for follow-up (proposal ${state})`,
      { fields: { suggestionSeq, state } },
    );
  }
}

export class ActingForAnotherError extends HuishangError {
  constructor(subject: string, actingFor: string) {
    super(
      'PROPOSALS_ACTING_FOR_ANOTHER',
      'FORBIDDEN',
      `${subject} 只能以本人（本单位）名义办理，不能代 ${actingFor} / ${subject} may act only for itself, not for ${actingFor}`,
      { fields: { subject, actingFor } },
    );
  }
}

export class CrossTermNotSortableError extends HuishangError {
  constructor(state: string, term: number, newTerm: number) {
    super(
      'PROPOSALS_CROSS_TERM_NOT_SORTABLE',
      'CONFLICT',
      `只能梳理往届已立案的提案（本案第 ${term} 届、状态 ${state}，新一届为第 ${newTerm} 届）/ only registered proposals of an earlier term than ${newTerm} are sorted; this one is of term ${term} in state ${state}`,
      { fields: { state, term, newTerm } },
    );
  }
}

export class InvalidVoteError extends HuishangError {
  constructor(
    vote: { satisfied: number; basic: number; unsatisfied: number; term: number },
    proposalTerm: number,
  ) {
    super(
      'PROPOSALS_INVALID_VOTE',
      'BAD_USER_INPUT',
      `表决票数须为非负整数且不全为零，表决届次须晚于提案届次（第 ${proposalTerm} 届）/ vote counts must be whole, not negative and not all zero, at a term after the proposal's ${proposalTerm}`,
      { fields: { ...vote, proposalTerm } },
    );
  }
}

export class VoteNotOpenError extends HuishangError {
  constructor(isKey: boolean, state: string, crossTermOutcome: string | null) {
    super(
      'PROPOSALS_VOTE_NOT_OPEN',
      'CONFLICT',
      `只有跨届梳理为未办结、尚未办结的重点提案才交常委会评议 / only an open key proposal sorted as not done goes to the standing committee's vote (key: ${isKey}, state: ${state}, outcome: ${crossTermOutcome ?? 'unsorted'})`,
      { fields: { isKey, state, crossTermOutcome } },
    );
  }
}

export class NotPublishableError extends HuishangError {
  constructor(state: string) {
    super(
      'PROPOSALS_NOT_PUBLISHABLE',
      'CONFLICT',
      `只有已立案的提案可以公开（当前状态 ${state}）/ only a registered proposal can be published; this one is ${state}`,
      { fields: { state } },
    );
  }
}

export class NotPublishedError extends HuishangError {
  constructor(proposalId: string) {
    super(
      'PROPOSALS_NOT_PUBLISHED',
      'BAD_USER_INPUT',
      `该提案未公开，不能评论 / proposal ${proposalId} is not published and cannot be commented on`,
      { fields: { proposalId } },
    );
  }
}

export class CommentModeratedError extends HuishangError {
  constructor(state: string, allowedActions: string[]) {
    super(
      'PROPOSALS_COMMENT_MODERATED',
      'CONFLICT',
      `评论已审核（${state}），不能再审核 / a comment in state ${state} cannot be moderated; allowed: ${allowedActions.join(', ') || 'none'}`,
      { fields: { state, allowedActions } },
    );
  }
}

export class EmptySearchError extends HuishangError {
  constructor(query: string) {
    super(
      'PROPOSALS_EMPTY_SEARCH',
      'BAD_USER_INPUT',
      `检索词中没有可检索的汉字、字母或数字 / the query "${query}" has no character or word to search for`,
      { fields: { query } },
    );
  }
}

export class ImportTooLargeError extends HuishangError {
  constructor(count: number, max: number) {
    super(
      'PROPOSALS_IMPORT_TOO_LARGE',
      'BAD_USER_INPUT',
      `每次最多导入 ${max} 件（本次 ${count} 件）/ at most ${max} records per import, got ${count}`,
      { fields: { count, max } },
    );
  }
}

export class InvalidImportError extends HuishangError {
  constructor(index: number, problem: string) {
    super(
      'PROPOSALS_INVALID_IMPORT',
      'BAD_USER_INPUT',
      `第 ${index + 1} 条记录有误，整批未导入：${problem} / record ${index} is invalid, nothing was imported: ${problem}`,
      // not `reason`: extensions.reason carries the code
      { fields: { index, problem } },
    );
  }
}

export class UnknownParentUnitError extends HuishangError {
  constructor(parentName: string, region: string) {
    super(
      'PROPOSALS_UNKNOWN_PARENT_UNIT',
      'BAD_USER_INPUT',
      `上级单位“${parentName}”不在 ${region} 的承办单位名录中，请先登记 / the parent unit ${parentName} is not in ${region}'s directory of handling units: define it first`,
      { fields: { parentName, region } },
    );
  }
}

export class HandlingUnitCycleError extends HuishangError {
  constructor(name: string, path: string[]) {
    super(
      'PROPOSALS_HANDLING_UNIT_CYCLE',
      'BAD_USER_INPUT',
      `上级单位形成循环：${path.join(' → ')} / the parent would make a cycle: ${path.join(' -> ')}`,
      { fields: { name, path } },
    );
  }
}

export class UnitNotInDirectoryError extends HuishangError {
  constructor(unit: string, region: string) {
    super(
      'PROPOSALS_UNIT_NOT_IN_DIRECTORY',
      'BAD_USER_INPUT',
      `“${unit}”不在 ${region} 的承办单位名录中，请先登记或改用名录中的名称 / ${unit} is not in ${region}'s directory of handling units: define it, or use a name the directory has`,
      { fields: { unit, region } },
    );
  }
}

export const proposalsErrorCodes = [
  'PROPOSALS_ILLEGAL_TRANSITION',
  'PROPOSALS_PROPOSER_REQUIRED',
  'PROPOSALS_DUPLICATE_CO_PROPOSER',
  'PROPOSALS_LEAD_UNIT_REQUIRED',
  'PROPOSALS_DUPLICATE_UNIT',
  'PROPOSALS_DEADLINE_PASSED',
  'PROPOSALS_NOT_HANDLING_UNIT',
  'PROPOSALS_UNKNOWN_SUGGESTION',
  'PROPOSALS_ALREADY_REPLIED',
  'PROPOSALS_ALREADY_EVALUATED',
  'PROPOSALS_BODY_TOO_SHORT',
  'PROPOSALS_TOO_FEW_SUGGESTIONS',
  'PROPOSALS_KEYWORDS_REQUIRED',
  'PROPOSALS_REASON_REQUIRED',
  'PROPOSALS_KEY_LEADERS_REQUIRED',
  'PROPOSALS_NOT_RESPONSIBLE_FOR_ITEM',
  'PROPOSALS_ACTING_FOR_ANOTHER',
  'PROPOSALS_NOT_OPEN_FOR_FOLLOW_UP',
  'PROPOSALS_CROSS_TERM_NOT_SORTABLE',
  'PROPOSALS_INVALID_VOTE',
  'PROPOSALS_VOTE_NOT_OPEN',
  'PROPOSALS_NOT_PUBLISHABLE',
  'PROPOSALS_NOT_PUBLISHED',
  'PROPOSALS_COMMENT_MODERATED',
  'PROPOSALS_EMPTY_SEARCH',
  'PROPOSALS_IMPORT_TOO_LARGE',
  'PROPOSALS_INVALID_IMPORT',
  'PROPOSALS_UNKNOWN_PARENT_UNIT',
  'PROPOSALS_HANDLING_UNIT_CYCLE',
  'PROPOSALS_UNIT_NOT_IN_DIRECTORY',
] as const;
