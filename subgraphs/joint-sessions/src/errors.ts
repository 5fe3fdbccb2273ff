import { defineErrors } from '@huishang/schema';

const kindRules = {
  CROSS_PROVINCE: {
    zh: '跨省联动协商须有来自其他省份的合作方',
    en: 'a CROSS_PROVINCE session needs a partner in another province',
  },
  THREE_LEVEL: {
    zh: '三级会商须由同一省的省、市、县三级政协参加',
    en: 'a THREE_LEVEL session needs parties at three levels of one province',
  },
  CROSS_REGION: {
    zh: '跨区域联动协商的合作方须与发起方同省',
    en: 'CROSS_REGION partners must be in the host’s province',
  },
} as const;

/** A stage named as users know it: 议题联定（TOPIC）. */
export interface StageName {
  stage: string;
  label: string;
}

/** The joint sessions' failures, each declared once; the classes below and the README table come from here. */
export const jointSessionsErrors = defineErrors('JOINT_SESSIONS_', {
  JOINT_SESSIONS_NO_PARTNER: {
    category: 'BAD_USER_INPUT',
    describe: () => ({
      zh: '联动协商至少要有一个合作方',
      en: 'a joint session needs at least one partner',
    }),
  },
  JOINT_SESSIONS_DUPLICATE_PARTY: {
    category: 'BAD_USER_INPUT',
    describe: (region: string) => ({
      zh: `合作方重复：${region}`,
      en: `partner listed twice: ${region}`,
      fields: { region },
    }),
  },
  JOINT_SESSIONS_HOST_AS_PARTNER: {
    category: 'BAD_USER_INPUT',
    describe: (region: string) => ({
      zh: `发起方 ${region} 不能同时是合作方`,
      en: `the host ${region} cannot be its own partner`,
      fields: { region },
    }),
  },
  JOINT_SESSIONS_PARTIES_DO_NOT_FIT_KIND: {
    category: 'BAD_USER_INPUT',
    describe: (kind: keyof typeof kindRules, regions: string[]) => ({
      ...kindRules[kind],
      fields: { kind, regions },
    }),
  },
  JOINT_SESSIONS_ILLEGAL_STAGE_STEP: {
    category: 'CONFLICT',
    describe: (current: StageName, to: string, next: StageName | null) => ({
      ...(next
        ? {
            zh: `联动协商当前处于“${current.label}”（${current.stage}），只能进入“${next.label}”（${next.stage}），不能进入 ${to}`,
            en: `the joint session is at stage ${current.stage}: the next stage is ${next.stage}, not ${to}`,
          }
        : {
            zh: `联动协商当前处于“${current.label}”（${current.stage}），不能再推进`,
            en: `the joint session is at stage ${current.stage}: it cannot advance`,
          }),
      fields: { stage: current.stage, to, next: next?.stage ?? null },
    }),
  },
});

const errors = jointSessionsErrors.classes;

export class NoPartnerError extends errors.JOINT_SESSIONS_NO_PARTNER {}
export class DuplicatePartyError extends errors.JOINT_SESSIONS_DUPLICATE_PARTY {}
export class HostAsPartnerError extends errors.JOINT_SESSIONS_HOST_AS_PARTNER {}
export class PartiesDoNotFitKindError extends errors.JOINT_SESSIONS_PARTIES_DO_NOT_FIT_KIND {}
export class IllegalStageStepError extends errors.JOINT_SESSIONS_ILLEGAL_STAGE_STEP {}

export const jointSessionsErrorCodes = jointSessionsErrors.codes;
