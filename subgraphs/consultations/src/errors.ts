import { defineErrors, HuishangError } from '@huishang/schema';

const stageNames: Record<string, string> = {
  TOPIC: '选题',
  PLAN: '制定方案',
  RESEARCH: '调研',
  CONSULT: '协商',
  REPORT: '报送意见',
  FEEDBACK: '办理反馈',
  EVALUATION: '评价',
  CLOSED: '已完成',
};
const stageName = (stage: string) => stageNames[stage] ?? stage;

/** A supervision task's or an opinion item's step its state does not allow. */
const illegalStep =
  (what: string) =>
  (state: string, stateLabel: string, action: string, allowed: readonly string[]) => ({
    zh: `${what}当前状态为“${stateLabel}”，不能执行 ${action}；可执行：${allowed.join('、') || '无'}`,
    en: `in state ${state} ${action} is not allowed; allowed: ${allowed.join(', ') || 'none'}`,
    fields: { state, action, allowed: [...allowed] },
  });

/** The consultations' failures, each declared once; the classes below and the README table come from here. */
export const consultationsErrors = defineErrors('CONSULTATIONS_', {
  CONSULTATIONS_PLACE_OUTSIDE_REGION: {
    category: 'BAD_USER_INPUT',
    describe: (field: string, place: string, region: string) => ({
      message: `${field}: ${place} 不在 ${region} 辖区内 / ${place} is not within region ${region}`,
      fields: { field, place, region },
    }),
  },
  CONSULTATIONS_VENUE_LEVEL: {
    category: 'BAD_USER_INPUT',
    describe: (platform: string, expected: string, venue: string, actual: string) => ({
      zh: `${platform} 的地点须为${expected === 'TOWN' ? '乡镇（街道）' : '村（社区）'}，${venue} 是 ${actual}`,
      en: `a ${platform} is held at a ${expected}, ${venue} is a ${actual}`,
      fields: { platform, expected, venue, actual },
    }),
  },
  CONSULTATIONS_PARTICIPANT_MEMBER: {
    category: 'BAD_USER_INPUT',
    describe: (kind: string, name: string) => ({
      ...(kind === 'MEMBER'
        ? {
            zh: `委员参加人 ${name} 须填写 memberId`,
            en: `member participant ${name} needs a memberId`,
          }
        : {
            zh: `非委员参加人 ${name} 不能填写 memberId`,
            en: `a ${kind} participant (${name}) has no memberId`,
          }),
      fields: { kind, name },
    }),
  },
  CONSULTATIONS_CLOSED: {
    category: 'CONFLICT',
    describe: (id: string, stage: string) => ({
      zh: '协商活动当前步骤为“已完成”，不能再登记采纳情况',
      en: `consultation ${id} is in stage ${stage}: adoption can no longer be set`,
      fields: { id, stage },
    }),
  },
  CONSULTATIONS_ILLEGAL_STAGE: {
    category: 'CONFLICT',
    describe: (id: string, stage: string, attempted: string, allowed: readonly string[]) => ({
      zh: `协商活动处于“${stageName(stage)}”步骤，不能 ${attempted}；允许：${allowed.map(stageName).join('、') || '无'}`,
      en: `consultation ${id} is at ${stage}: ${attempted} is not allowed; allowed: ${allowed.join(', ') || 'none'}`,
      fields: { id, stage, attempted, allowed: [...allowed] },
    }),
  },
  CONSULTATIONS_STEP_INCOMPLETE: {
    category: 'CONFLICT',
    describe: (id: string, stage: string, missing: string) => ({
      zh: `“${stageName(stage)}”步骤尚未完成，缺少：${missing}`,
      en: `consultation ${id} cannot leave ${stage} before ${missing}`,
      fields: { id, stage, missing },
    }),
  },
  CONSULTATIONS_TOPIC_NOT_APPROVED: {
    category: 'CONFLICT',
    describe: (id: string, status: string) => ({
      zh: `议题 ${id} 尚未经主席会议通过（当前：${status}），不能据此安排协商`,
      en: `topic ${id} is ${status}: only an APPROVED topic can be planned`,
      fields: { id, status },
    }),
  },
  CONSULTATIONS_TOPIC_DECIDED: {
    category: 'CONFLICT',
    describe: (id: string, status: string) => ({
      zh: `议题 ${id} 已由主席会议决定（${status}）`,
      en: `topic ${id} was already decided: ${status}`,
      fields: { id, status, allowed: [] },
    }),
  },
  CONSULTATIONS_PLAN_LEAD: {
    category: 'BAD_USER_INPUT',
    describe: (platform: string) => ({
      ...(platform === 'PLEASE_COME_AND_CONSULT'
        ? {
            zh: '请你来协商须注明属于“6”（党政主要领导领题）还是“X”（界别、专委会）',
            en: 'a 请你来协商 topic is one of the six (LEADERS) or an X (SECTORS)',
          }
        : {
            zh: `${platform} 不属于“6+X”计划，不能填写 lead`,
            en: 'only 请你来协商 has a lead in the 6+X plan',
          }),
      fields: { platform },
    }),
  },
  CONSULTATIONS_PARTY: {
    category: 'BAD_USER_INPUT',
    describe: (party: string, reason: string) => ({
      zh: `联合协商方 ${party} 无效：${reason}`,
      en: `joint party ${party}: ${reason}`,
      fields: { party, problem: reason },
    }),
  },
  CONSULTATIONS_RECIPIENT_STEP: {
    category: 'CONFLICT',
    describe: (name: string, step: string, reason: string) => ({
      zh: `${name}：${reason}`,
      en: `${name} cannot ${step}: ${reason}`,
      fields: { name, step, problem: reason },
    }),
  },
  CONSULTATIONS_ALREADY_EVALUATED: {
    category: 'CONFLICT',
    describe: (id: string, party: string) => ({
      zh: `${party} 已对协商活动 ${id} 作出评价`,
      en: `${party} has already evaluated consultation ${id}`,
      fields: { id, party },
    }),
  },
  CONSULTATIONS_SUGGESTION_LINKED: {
    category: 'CONFLICT',
    describe: (id: string, linkedTo: string) => ({
      zh: `建议 ${id} 已转为${linkedTo === 'proposal' ? '提案' : '社情民意信息'}`,
      en: `suggestion ${id} has already become a ${linkedTo}`,
      fields: { id, linkedTo },
    }),
  },
  CONSULTATIONS_SUPERVISION_ILLEGAL_STEP: {
    category: 'CONFLICT',
    describe: illegalStep('监督任务'),
  },
  CONSULTATIONS_OPINION_ILLEGAL_STEP: {
    category: 'CONFLICT',
    describe: illegalStep('民情事项'),
  },
  CONSULTATIONS_NO_UPPER_LEVEL: {
    category: 'BAD_USER_INPUT',
    describe: (region: string) => ({
      zh: `${region} 没有上级政协可报送`,
      en: `committee ${region} has no level above to raise the item to`,
      fields: { region },
    }),
  },
  CONSULTATIONS_IMPORT_RECORD: {
    category: 'BAD_USER_INPUT',
    describe: (index: number, reason: string, cause?: unknown) => ({
      zh: `第 ${index + 1} 条记录有误，整批未导入：${reason}`,
      en: `record ${index} refused, nothing imported: ${reason}`,
      fields: { index, problem: reason },
      cause,
    }),
  },
});

const errors = consultationsErrors.classes;

export class PlaceOutsideRegionError extends errors.CONSULTATIONS_PLACE_OUTSIDE_REGION {}
export class VenueLevelError extends errors.CONSULTATIONS_VENUE_LEVEL {}
export class ParticipantMemberError extends errors.CONSULTATIONS_PARTICIPANT_MEMBER {}
export class ConsultationClosedError extends errors.CONSULTATIONS_CLOSED {}

/** A supervision task's (SUPERVISION) or an opinion item's (OPINION) step: one class, two codes. */
export class IllegalStepError extends HuishangError {
  constructor(
    aggregate: 'SUPERVISION' | 'OPINION',
    state: string,
    stateLabel: string,
    action: string,
    allowed: readonly string[],
  ) {
    super(
      ...consultationsErrors.parts(
        `CONSULTATIONS_${aggregate}_ILLEGAL_STEP`,
        state,
        stateLabel,
        action,
        allowed,
      ),
    );
  }
}

export class NoUpperLevelError extends errors.CONSULTATIONS_NO_UPPER_LEVEL {}
export class ImportRecordError extends errors.CONSULTATIONS_IMPORT_RECORD {}
/** A step out of order, or an action in a step that does not allow it. */
export class IllegalStageError extends errors.CONSULTATIONS_ILLEGAL_STAGE {}
/** The step's work is not done yet: what is missing is named. */
export class StepIncompleteError extends errors.CONSULTATIONS_STEP_INCOMPLETE {}
export class TopicNotApprovedError extends errors.CONSULTATIONS_TOPIC_NOT_APPROVED {}
export class TopicDecidedError extends errors.CONSULTATIONS_TOPIC_DECIDED {}
export class PlanLeadError extends errors.CONSULTATIONS_PLAN_LEAD {}
export class PartyRegionError extends errors.CONSULTATIONS_PARTY {}
export class RecipientStepError extends errors.CONSULTATIONS_RECIPIENT_STEP {}
export class AlreadyEvaluatedError extends errors.CONSULTATIONS_ALREADY_EVALUATED {}
export class SuggestionLinkedError extends errors.CONSULTATIONS_SUGGESTION_LINKED {}

export const consultationsErrorCodes = consultationsErrors.codes;
