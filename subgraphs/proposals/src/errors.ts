import { HuishangError } from '@huishang/schema';

export class IllegalTransitionError extends HuishangError {
  constructor(state: string, stateLabel: string, action: string, actionLabel: string) {
    super(
      'PROPOSALS_ILLEGAL_TRANSITION',
      'CONFLICT',
      `提案当前状态为“${stateLabel}”，不能${actionLabel} / a proposal in state ${state} cannot ${action}`,
      { fields: { state, action } },
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
  constructor(by: string) {
    super(
      'PROPOSALS_ALREADY_EVALUATED',
      'CONFLICT',
      `${by === 'PROPOSER' ? '提案者' : '承办单位'}已评价过 / ${by} has already evaluated this proposal`,
      { fields: { by } },
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
] as const;
