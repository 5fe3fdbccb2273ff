import { defineErrors } from '@huishang/schema';

/** The proposals' failures, each declared once; the classes below and the README table come from here. */
export const proposalsErrors = defineErrors('PROPOSALS_', {
  PROPOSALS_ILLEGAL_TRANSITION: {
    category: 'CONFLICT',
    describe: (
      state: string,
      stateLabel: string,
      action: string,
      actionLabel: string,
      allowed: { action: string; label: string }[],
    ) => ({
      zh: `提案当前状态为“${stateLabel}”，不能${actionLabel}，可以：${allowed.map((a) => a.label).join('、') || '无'}`,
      en: `a proposal in state ${state} cannot ${action}; allowed: ${allowed.map((a) => a.action).join(', ') || 'none'}`,
      fields: { state, action, allowed: allowed.map((a) => a.action) },
    }),
  },
  PROPOSALS_PROPOSER_REQUIRED: {
    category: 'BAD_USER_INPUT',
    describe: () => ({
      zh: '须填写领衔人或集体提案单位，且只能二选一',
      en: 'give either proposerId or collectiveProposer, not both',
    }),
  },
  PROPOSALS_DUPLICATE_CO_PROPOSER: {
    category: 'BAD_USER_INPUT',
    describe: (memberId: string) => ({
      zh: '联名人重复或与领衔人相同',
      en: `co-proposer ${memberId} is repeated or is the lead proposer`,
      fields: { memberId },
    }),
  },
  PROPOSALS_LEAD_UNIT_REQUIRED: {
    category: 'BAD_USER_INPUT',
    describe: (leads: number) => ({
      zh: `须有且只有一个主办单位（现有 ${leads} 个）`,
      en: `exactly one LEAD unit is required, got ${leads}`,
      fields: { leads },
    }),
  },
  PROPOSALS_DUPLICATE_UNIT: {
    category: 'BAD_USER_INPUT',
    describe: (unit: string) => ({
      zh: `承办单位重复：${unit}`,
      en: `handling unit listed twice: ${unit}`,
      fields: { unit },
    }),
  },
  PROPOSALS_DEADLINE_PASSED: {
    category: 'BAD_USER_INPUT',
    describe: (deadline: string, today: string) => ({
      zh: `办理时限 ${deadline} 早于今天 ${today}`,
      en: `the deadline ${deadline} is before today ${today}`,
      fields: { deadline, today },
    }),
  },
  PROPOSALS_NOT_HANDLING_UNIT: {
    category: 'BAD_USER_INPUT',
    describe: (unit: string) => ({
      zh: `${unit} 不是本提案的承办单位`,
      en: `${unit} is not a handling unit of this proposal`,
      fields: { unit },
    }),
  },
  PROPOSALS_UNKNOWN_SUGGESTION: {
    category: 'BAD_USER_INPUT',
    describe: (suggestionSeq: number) => ({
      zh: `建议清单中没有第 ${suggestionSeq} 条`,
      en: `the suggestion list has no item ${suggestionSeq}`,
      fields: { suggestionSeq },
    }),
  },
  PROPOSALS_ALREADY_REPLIED: {
    category: 'CONFLICT',
    describe: (unit: string, suggestionSeq: number) => ({
      zh: `${unit} 已答复第 ${suggestionSeq} 条建议`,
      en: `${unit} has already replied to item ${suggestionSeq}`,
      fields: { unit, suggestionSeq },
    }),
  },
  PROPOSALS_ALREADY_EVALUATED: {
    category: 'CONFLICT',
    describe: (by: string, state: string, stateLabel: string) => ({
      zh: `${by === 'PROPOSER' ? '提案者' : '承办单位'}已评价过，提案当前状态为“${stateLabel}”`,
      en: `${by} has already evaluated this proposal, now ${state}`,
      fields: { by, state },
    }),
  },
  PROPOSALS_BODY_TOO_SHORT: {
    category: 'BAD_USER_INPUT',
    describe: (minLength: number, length: number) => ({
      zh: `本委员会要求提案正文至少 ${minLength} 字，现有 ${length} 字`,
      en: `the committee requires a body of at least ${minLength} characters, got ${length}`,
      fields: { minLength, length },
    }),
  },
  PROPOSALS_TOO_FEW_SUGGESTIONS: {
    category: 'BAD_USER_INPUT',
    describe: (minSuggestions: number, count: number) => ({
      zh: `本委员会要求建议清单至少 ${minSuggestions} 条，现有 ${count} 条`,
      en: `the committee requires at least ${minSuggestions} suggestions, got ${count}`,
      fields: { minSuggestions, count },
    }),
  },
  PROPOSALS_KEYWORDS_REQUIRED: {
    category: 'BAD_USER_INPUT',
    describe: () => ({ zh: '本委员会要求填写关键词', en: 'the committee requires keywords' }),
  },
  PROPOSALS_REASON_REQUIRED: {
    category: 'BAD_USER_INPUT',
    describe: (action: string) => ({
      zh: '须说明理由',
      en: `${action} needs a reason`,
      fields: { action },
    }),
  },
  PROPOSALS_KEY_LEADERS_REQUIRED: {
    category: 'BAD_USER_INPUT',
    describe: (isKey: boolean) => ({
      ...(isKey
        ? {
            zh: '重点提案须有领办领导（姓名、职务）',
            en: 'a key proposal needs its leading officials (name and post)',
          }
        : { zh: '只有重点提案才有领办领导', en: 'only a key proposal has leading officials' }),
      fields: { isKey },
    }),
  },
  PROPOSALS_NOT_RESPONSIBLE_FOR_ITEM: {
    category: 'BAD_USER_INPUT',
    describe: (unit: string, suggestionSeq: number) => ({
      zh: `${unit} 未承办第 ${suggestionSeq} 条建议`,
      en: `${unit} is not responsible for item ${suggestionSeq}`,
      fields: { unit, suggestionSeq },
    }),
  },
  PROPOSALS_ACTING_FOR_ANOTHER: {
    category: 'FORBIDDEN',
    describe: (subject: string, actingFor: string) => ({
      zh: `${subject} 只能以本人（本单位）名义办理，不能代 ${actingFor}`,
      en: `${subject} may act only for itself, not for ${actingFor}`,
      fields: { subject, actingFor },
    }),
  },
  PROPOSALS_NOT_OPEN_FOR_FOLLOW_UP: {
    category: 'CONFLICT',
    describe: (suggestionSeq: number, state: string) => ({
      zh: `第 ${suggestionSeq} 条建议不在待回头看之列（提案状态 ${state}）`,
      en: `item ${suggestionSeq} is not open for follow-up (proposal ${state})`,
      fields: { suggestionSeq, state },
    }),
  },
  PROPOSALS_CROSS_TERM_NOT_SORTABLE: {
    category: 'CONFLICT',
    describe: (state: string, term: number, newTerm: number) => ({
      zh: `只能梳理往届已立案的提案（本案第 ${term} 届、状态 ${state}，新一届为第 ${newTerm} 届）`,
      en: `only registered proposals of an earlier term than ${newTerm} are sorted; this one is of term ${term} in state ${state}`,
      fields: { state, term, newTerm },
    }),
  },
  PROPOSALS_INVALID_VOTE: {
    category: 'BAD_USER_INPUT',
    describe: (
      vote: { satisfied: number; basic: number; unsatisfied: number; term: number },
      proposalTerm: number,
    ) => ({
      zh: `表决票数须为非负整数且不全为零，表决届次须晚于提案届次（第 ${proposalTerm} 届）`,
      en: `vote counts must be whole, not negative and not all zero, at a term after the proposal's ${proposalTerm}`,
      fields: { ...vote, proposalTerm },
    }),
  },
  PROPOSALS_VOTE_NOT_OPEN: {
    category: 'CONFLICT',
    describe: (isKey: boolean, state: string, crossTermOutcome: string | null) => ({
      zh: '只有跨届梳理为未办结、尚未办结的重点提案才交常委会评议',
      en: `only an open key proposal sorted as not done goes to the standing committee's vote (key: ${isKey}, state: ${state}, outcome: ${crossTermOutcome ?? 'unsorted'})`,
      fields: { isKey, state, crossTermOutcome },
    }),
  },
  PROPOSALS_NOT_PUBLISHABLE: {
    category: 'CONFLICT',
    describe: (state: string) => ({
      zh: `只有已立案的提案可以公开（当前状态 ${state}）`,
      en: `only a registered proposal can be published; this one is ${state}`,
      fields: { state },
    }),
  },
  PROPOSALS_NOT_PUBLISHED: {
    category: 'BAD_USER_INPUT',
    describe: (proposalId: string) => ({
      zh: '该提案未公开，不能评论',
      en: `proposal ${proposalId} is not published and cannot be commented on`,
      fields: { proposalId },
    }),
  },
  PROPOSALS_COMMENT_MODERATED: {
    category: 'CONFLICT',
    describe: (state: string, allowedActions: string[]) => ({
      zh: `评论已审核（${state}），不能再审核`,
      en: `a comment in state ${state} cannot be moderated; allowed: ${allowedActions.join(', ') || 'none'}`,
      fields: { state, allowedActions },
    }),
  },
  PROPOSALS_EMPTY_SEARCH: {
    category: 'BAD_USER_INPUT',
    describe: (query: string) => ({
      zh: '检索词中没有可检索的汉字、字母或数字',
      en: `the query "${query}" has no character or word to search for`,
      fields: { query },
    }),
  },
  PROPOSALS_IMPORT_TOO_LARGE: {
    category: 'BAD_USER_INPUT',
    describe: (count: number, max: number) => ({
      zh: `每次最多导入 ${max} 件（本次 ${count} 件）`,
      en: `at most ${max} records per import, got ${count}`,
      fields: { count, max },
    }),
  },
  PROPOSALS_INVALID_IMPORT: {
    category: 'BAD_USER_INPUT',
    describe: (index: number, problem: string) => ({
      zh: `第 ${index + 1} 条记录有误，整批未导入：${problem}`,
      en: `record ${index} is invalid, nothing was imported: ${problem}`,
      fields: { index, problem },
    }),
  },
  PROPOSALS_UNKNOWN_PARENT_UNIT: {
    category: 'BAD_USER_INPUT',
    describe: (parentName: string, region: string) => ({
      zh: `上级单位“${parentName}”不在 ${region} 的承办单位名录中，请先登记`,
      en: `the parent unit ${parentName} is not in ${region}'s directory of handling units: define it first`,
      fields: { parentName, region },
    }),
  },
  PROPOSALS_HANDLING_UNIT_CYCLE: {
    category: 'BAD_USER_INPUT',
    describe: (name: string, path: string[]) => ({
      zh: `上级单位形成循环：${path.join(' → ')}`,
      en: `the parent would make a cycle: ${path.join(' -> ')}`,
      fields: { name, path },
    }),
  },
  PROPOSALS_UNIT_NOT_IN_DIRECTORY: {
    category: 'BAD_USER_INPUT',
    describe: (unit: string, region: string) => ({
      zh: `“${unit}”不在 ${region} 的承办单位名录中，请先登记或改用名录中的名称`,
      en: `${unit} is not in ${region}'s directory of handling units: define it, or use a name the directory has`,
      fields: { unit, region },
    }),
  },
});

const errors = proposalsErrors.classes;

export class IllegalTransitionError extends errors.PROPOSALS_ILLEGAL_TRANSITION {}
export class ProposerRequiredError extends errors.PROPOSALS_PROPOSER_REQUIRED {}
export class DuplicateCoProposerError extends errors.PROPOSALS_DUPLICATE_CO_PROPOSER {}
export class LeadUnitRequiredError extends errors.PROPOSALS_LEAD_UNIT_REQUIRED {}
export class DuplicateUnitError extends errors.PROPOSALS_DUPLICATE_UNIT {}
export class DeadlinePassedError extends errors.PROPOSALS_DEADLINE_PASSED {}
export class NotHandlingUnitError extends errors.PROPOSALS_NOT_HANDLING_UNIT {}
export class UnknownSuggestionError extends errors.PROPOSALS_UNKNOWN_SUGGESTION {}
export class AlreadyRepliedError extends errors.PROPOSALS_ALREADY_REPLIED {}
export class AlreadyEvaluatedError extends errors.PROPOSALS_ALREADY_EVALUATED {}
export class BodyTooShortError extends errors.PROPOSALS_BODY_TOO_SHORT {}
export class TooFewSuggestionsError extends errors.PROPOSALS_TOO_FEW_SUGGESTIONS {}
export class KeywordsRequiredError extends errors.PROPOSALS_KEYWORDS_REQUIRED {}
export class ReasonRequiredError extends errors.PROPOSALS_REASON_REQUIRED {}
export class KeyLeadersRequiredError extends errors.PROPOSALS_KEY_LEADERS_REQUIRED {}
export class NotResponsibleForItemError extends errors.PROPOSALS_NOT_RESPONSIBLE_FOR_ITEM {}
export class NotOpenForFollowUpError extends errors.PROPOSALS_NOT_OPEN_FOR_FOLLOW_UP {}
export class ActingForAnotherError extends errors.PROPOSALS_ACTING_FOR_ANOTHER {}
export class CrossTermNotSortableError extends errors.PROPOSALS_CROSS_TERM_NOT_SORTABLE {}
export class InvalidVoteError extends errors.PROPOSALS_INVALID_VOTE {}
export class VoteNotOpenError extends errors.PROPOSALS_VOTE_NOT_OPEN {}
export class NotPublishableError extends errors.PROPOSALS_NOT_PUBLISHABLE {}
export class NotPublishedError extends errors.PROPOSALS_NOT_PUBLISHED {}
export class CommentModeratedError extends errors.PROPOSALS_COMMENT_MODERATED {}
export class EmptySearchError extends errors.PROPOSALS_EMPTY_SEARCH {}
export class ImportTooLargeError extends errors.PROPOSALS_IMPORT_TOO_LARGE {}
export class InvalidImportError extends errors.PROPOSALS_INVALID_IMPORT {}
export class UnknownParentUnitError extends errors.PROPOSALS_UNKNOWN_PARENT_UNIT {}
export class HandlingUnitCycleError extends errors.PROPOSALS_HANDLING_UNIT_CYCLE {}
export class UnitNotInDirectoryError extends errors.PROPOSALS_UNIT_NOT_IN_DIRECTORY {}

export const proposalsErrorCodes = proposalsErrors.codes;
