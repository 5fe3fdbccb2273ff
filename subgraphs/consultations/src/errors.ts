import { HuishangError } from '@huishang/schema';

export class PlaceOutsideRegionError extends HuishangError {
  constructor(field: string, place: string, region: string) {
    super(
      'CONSULTATIONS_PLACE_OUTSIDE_REGION',
      'BAD_USER_INPUT',
      `${field}: ${place} 不在 ${region} 辖区内 / ${place} is not within region ${region}`,
      { fields: { field, place, region } },
    );
  }
}

export class VenueLevelError extends HuishangError {
  constructor(platform: string, expected: string, venue: string, actual: string) {
    super(
      'CONSULTATIONS_VENUE_LEVEL',
      'BAD_USER_INPUT',
      `${platform} 的地点须为${expected === 'TOWN' ? '乡镇（街道）' : '村（社区）'}，${venue} 是 ${actual} / a ${platform} is held at a ${expected}, ${venue} is a ${actual}`,
      { fields: { platform, expected, venue, actual } },
    );
  }
}

export class ParticipantMemberError extends HuishangError {
  constructor(kind: string, name: string) {
    super(
      'CONSULTATIONS_PARTICIPANT_MEMBER',
      'BAD_USER_INPUT',
      kind === 'MEMBER'
        ? `委员参加人 ${name} 须填写 memberId / member participant ${name} needs a memberId`
        : `非委员参加人 ${name} 不能填写 memberId / a ${kind} participant (${name}) has no memberId`,
      { fields: { kind, name } },
    );
  }
}

export class ConsultationClosedError extends HuishangError {
  constructor(id: string, stage: string) {
    super(
      'CONSULTATIONS_CLOSED',
      'CONFLICT',
      `协商活动当前步骤为“已完成”，不能再登记采纳情况 / consultation ${id} is in stage ${stage}: adoption can no longer be set`,
      { fields: { id, stage } },
    );
  }
}

export class IllegalStepError extends HuishangError {
  constructor(
    aggregate: 'SUPERVISION' | 'OPINION',
    state: string,
    stateLabel: string,
    action: string,
    allowed: readonly string[],
  ) {
    const what = aggregate === 'SUPERVISION' ? '监督任务' : '民情事项';
    super(
      `CONSULTATIONS_${aggregate}_ILLEGAL_STEP`,
      'CONFLICT',
      `${what}当前状态为“${stateLabel}”，不能执行 ${action}；可执行：${allowed.join('、') || '无'} / in state ${state} ${action} is not allowed; allowed: ${allowed.join(', ') || 'none'}`,
      { fields: { state, action, allowed: [...allowed] } },
    );
  }
}

export class NoUpperLevelError extends HuishangError {
  constructor(region: string) {
    super(
      'CONSULTATIONS_NO_UPPER_LEVEL',
      'BAD_USER_INPUT',
      `${region} 没有上级政协可报送 / committee ${region} has no level above to raise the item to`,
      { fields: { region } },
    );
  }
}

export class ImportRecordError extends HuishangError {
  constructor(index: number, reason: string, cause?: unknown) {
    super(
      'CONSULTATIONS_IMPORT_RECORD',
      'BAD_USER_INPUT',
      `第 ${index + 1} 条记录有误，整批未导入：${reason} / record ${index} refused, nothing imported: ${reason}`,
      // `problem`, not `reason`: extensions.reason carries the code
      { fields: { index, problem: reason }, cause },
    );
  }
}

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

/** A step out of order, or an action in a step that does not allow it. */
export class IllegalStageError extends HuishangError {
  constructor(id: string, stage: string, attempted: string, allowed: readonly string[]) {
    super(
      'CONSULTATIONS_ILLEGAL_STAGE',
      'CONFLICT',
      `协商活动处于“${stageName(stage)}”步骤，不能 ${attempted}；允许：${allowed.map(stageName).join('、') || '无'} / consultation ${id} is at ${stage}: ${attempted} is not allowed; allowed: ${allowed.join(', ') || 'none'}`,
      { fields: { id, stage, attempted, allowed: [...allowed] } },
    );
  }
}

/** The step's work is not done yet: what is missing is named. */
export class StepIncompleteError extends HuishangError {
  constructor(id: string, stage: string, missing: string) {
    super(
      'CONSULTATIONS_STEP_INCOMPLETE',
      'CONFLICT',
      `“${stageName(stage)}”步骤尚未完成，缺少：${missing} / consultation ${id} cannot leave ${stage} before ${missing}`,
      { fields: { id, stage, missing } },
    );
  }
}

export class TopicNotApprovedError extends HuishangError {
  constructor(id: string, status: string) {
    super(
      'CONSULTATIONS_TOPIC_NOT_APPROVED',
      'CONFLICT',
      `议题 ${id} 尚未经主席会议通过（当前：${status}），不能据此安排协商 / topic ${id} is ${status}: only an APPROVED topic can be planned`,
      { fields: { id, status } },
    );
  }
}

export class TopicDecidedError extends HuishangError {
  constructor(id: string, status: string) {
    super(
      'CONSULTATIONS_TOPIC_DECIDED',
      'CONFLICT',
      `议题 ${id} 已由主席会议决定（${status}）/ topic ${id} was already decided: ${status}`,
      { fields: { id, status, allowed: [] } },
    );
  }
}

export class PlanLeadError extends HuishangError {
  constructor(platform: string) {
    super(
      'CONSULTATIONS_PLAN_LEAD',
      'BAD_USER_INPUT',
      platform === 'PLEASE_COME_AND_CONSULT'
        ? '请你来协商须注明属于“6”（党政主要领导领题）还是“X”（界别、专委会）/ a 请你来协商 topic is one of the six (LEADERS) or an X (SECTORS)'
        : `${platform} 不属于“6+X”计划，不能填写 lead / only 请你来协商 has a lead in the 6+X plan`,
      { fields: { platform } },
    );
  }
}

export class PartyRegionError extends HuishangError {
  constructor(party: string, reason: string) {
    super(
      'CONSULTATIONS_PARTY',
      'BAD_USER_INPUT',
      `联合协商方 ${party} 无效：${reason} / joint party ${party}: ${reason}`,
      { fields: { party, problem: reason } },
    );
  }
}

export class RecipientStepError extends HuishangError {
  constructor(name: string, step: string, reason: string) {
    super(
      'CONSULTATIONS_RECIPIENT_STEP',
      'CONFLICT',
      `${name}：${reason} / ${name} cannot ${step}: ${reason}`,
      { fields: { name, step, problem: reason } },
    );
  }
}

export class AlreadyEvaluatedError extends HuishangError {
  constructor(id: string, party: string) {
    super(
      'CONSULTATIONS_ALREADY_EVALUATED',
      'CONFLICT',
      `${party} 已对协商活动 ${id} 作出评价 / ${party} has already evaluated consultation ${id}`,
      { fields: { id, party } },
    );
  }
}

export class SuggestionLinkedError extends HuishangError {
  constructor(id: string, linkedTo: string) {
    super(
      'CONSULTATIONS_SUGGESTION_LINKED',
      'CONFLICT',
      `建议 ${id} 已转为${linkedTo === 'proposal' ? '提案' : '社情民意信息'} / suggestion ${id} has already become a ${linkedTo}`,
      { fields: { id, linkedTo } },
    );
  }
}

export const consultationsErrorCodes = [
  'CONSULTATIONS_PLACE_OUTSIDE_REGION',
  'CONSULTATIONS_VENUE_LEVEL',
  'CONSULTATIONS_PARTICIPANT_MEMBER',
  'CONSULTATIONS_CLOSED',
  'CONSULTATIONS_ILLEGAL_STAGE',
  'CONSULTATIONS_STEP_INCOMPLETE',
  'CONSULTATIONS_TOPIC_NOT_APPROVED',
  'CONSULTATIONS_TOPIC_DECIDED',
  'CONSULTATIONS_PLAN_LEAD',
  'CONSULTATIONS_PARTY',
  'CONSULTATIONS_RECIPIENT_STEP',
  'CONSULTATIONS_ALREADY_EVALUATED',
  'CONSULTATIONS_SUGGESTION_LINKED',
  'CONSULTATIONS_SUPERVISION_ILLEGAL_STEP',
  'CONSULTATIONS_OPINION_ILLEGAL_STEP',
  'CONSULTATIONS_NO_UPPER_LEVEL',
  'CONSULTATIONS_IMPORT_RECORD',
] as const;
