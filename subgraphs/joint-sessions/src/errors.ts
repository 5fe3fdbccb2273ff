import { HuishangError } from '@huishang/schema';

export class NoPartnerError extends HuishangError {
  constructor() {
    super(
      'JOINT_SESSIONS_NO_PARTNER',
      'BAD_USER_INPUT',
      '联动协商至少要有一个合作方 / a joint session needs at least one partner',
    );
  }
}

export class DuplicatePartyError extends HuishangError {
  constructor(region: string) {
    super(
      'JOINT_SESSIONS_DUPLICATE_PARTY',
      'BAD_USER_INPUT',
      `合作方重复：${region} / partner listed twice: ${region}`,
      { fields: { region } },
    );
  }
}

export class HostAsPartnerError extends HuishangError {
  constructor(region: string) {
    super(
      'JOINT_SESSIONS_HOST_AS_PARTNER',
      'BAD_USER_INPUT',
      `发起方 ${region} 不能同时是合作方 / the host ${region} cannot be its own partner`,
      { fields: { region } },
    );
  }
}

const kindRules = {
  CROSS_PROVINCE:
    '跨省联动协商须有来自其他省份的合作方 / a CROSS_PROVINCE session needs a partner in another province',
  THREE_LEVEL:
    '三级会商须由同一省的省、市、县三级政协参加 / a THREE_LEVEL session needs parties at three levels of one province',
  CROSS_REGION:
    '跨区域联动协商的合作方须与发起方同省 / CROSS_REGION partners must be in the host’s province',
} as const;

export class PartiesDoNotFitKindError extends HuishangError {
  constructor(kind: keyof typeof kindRules, regions: string[]) {
    super('JOINT_SESSIONS_PARTIES_DO_NOT_FIT_KIND', 'BAD_USER_INPUT', kindRules[kind], {
      fields: { kind, regions },
    });
  }
}

/** A stage named as users know it: 议题联定（TOPIC）. */
export interface StageName {
  stage: string;
  label: string;
}

export class IllegalStageStepError extends HuishangError {
  constructor(current: StageName, to: string, next: StageName | null) {
    const at = `联动协商当前处于“${current.label}”（${current.stage}）`;
    super(
      'JOINT_SESSIONS_ILLEGAL_STAGE_STEP',
      'CONFLICT',
      next
        ? `${at}，只能进入“${next.label}”（${next.stage}），不能进入 ${to} / the joint session is at stage ${current.stage}: the next stage is ${next.stage}, not ${to}`
        : `${at}，不能再推进 / the joint session is at stage ${current.stage}: it cannot advance`,
      { fields: { stage: current.stage, to, next: next?.stage ?? null } },
    );
  }
}

export const jointSessionsErrorCodes = [
  'JOINT_SESSIONS_NO_PARTNER',
  'JOINT_SESSIONS_DUPLICATE_PARTY',
  'JOINT_SESSIONS_HOST_AS_PARTNER',
  'JOINT_SESSIONS_PARTIES_DO_NOT_FIT_KIND',
  'JOINT_SESSIONS_ILLEGAL_STAGE_STEP',
] as const;
