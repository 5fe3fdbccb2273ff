import { defineErrors } from '@huishang/schema';

/** The members' failures, each declared once; the classes below and the README table come from here. */
export const membersErrors = defineErrors('MEMBERS_', {
  MEMBERS_VILLAGE_OUTSIDE_REGION: {
    category: 'BAD_USER_INPUT',
    describe: (village: string, region: string) => ({
      zh: `${village} 不是 ${region} 辖区内的村（社区）`,
      en: `${village} is not a village within ${region}`,
      fields: { village, region },
    }),
  },
  MEMBERS_INVALID_TERM: {
    category: 'BAD_USER_INPUT',
    describe: (term: number) => ({
      zh: '届次须为 1 到 99',
      en: `term must be 1..99, got ${term}`,
      fields: { term },
    }),
  },
  MEMBERS_INVALID_BIRTH_YEAR: {
    category: 'BAD_USER_INPUT',
    describe: (birthYear: number, latest: number) => ({
      zh: `出生年份须在 1900 到 ${latest} 之间`,
      en: `birth year must be 1900..${latest}, got ${birthYear}`,
      fields: { birthYear, latest },
    }),
  },
  MEMBERS_PERSON_AMBIGUOUS: {
    category: 'BAD_USER_INPUT',
    describe: () => ({
      zh: '须给出已登记人员 personId，或新人员的姓名，二者取一',
      en: 'give either personId of a known person or the name of a new one',
    }),
  },
  MEMBERS_DUPLICATE_MEMBERSHIP: {
    category: 'CONFLICT',
    describe: (personId: string, region: string, term: number, memberId: string) => ({
      zh: `该人员已是 ${region} 第 ${term} 届委员`,
      en: `the person is already a member of ${region}'s committee for term ${term}`,
      fields: { personId, region, term, memberId },
    }),
  },
  MEMBERS_PERSON_OWNED_ELSEWHERE: {
    category: 'FORBIDDEN',
    describe: (personId: string, owner: string, caller: string) => ({
      zh: `人员信息由 ${owner} 登记和维护`,
      en: `the person's details are kept by ${owner}, not ${caller}`,
      fields: { personId, owner, caller },
    }),
  },
  MEMBERS_PLACE_OUTSIDE_REGION: {
    category: 'BAD_USER_INPUT',
    describe: (place: string, region: string, expected: string) => ({
      zh: `${place} 不是 ${region} 辖区内的${expected}`,
      en: `${place} is not a ${expected} within ${region}`,
      fields: { place, region, expected },
    }),
  },
  MEMBERS_MEMBER_OUTSIDE_COMMITTEE: {
    category: 'BAD_USER_INPUT',
    describe: (memberId: string, region: string) => ({
      zh: `${memberId} 不是 ${region} 政协委员`,
      en: `${memberId} is not a member of ${region}'s committee`,
      fields: { memberId, region },
    }),
  },
  MEMBERS_INVALID_WEIGHT: {
    category: 'BAD_USER_INPUT',
    describe: (kind: string, weight: number) => ({
      zh: `${kind} 的分值须为 0 到 100 的整数`,
      en: `the weight of ${kind} must be a whole number 0..100, got ${weight}`,
      fields: { kind, weight },
    }),
  },
  MEMBERS_COVERAGE_LEVEL: {
    category: 'BAD_USER_INPUT',
    describe: (region: string, level: string) => ({
      zh: `一村一委员覆盖按县（市、区）或乡镇统计，${region} 为 ${level}`,
      en: `coverage is by county or town; ${region} is a ${level}`,
      fields: { region, level },
    }),
  },
  MEMBERS_DUTY_KEPT_ELSEWHERE: {
    category: 'BAD_USER_INPUT',
    describe: (region: string, node: string) => ({
      zh: `${region} 委员的履职档案保存在其本级节点，不在 ${node}`,
      en: `duty records of ${region}'s members are kept at its own node, not at ${node}`,
      fields: { region, node },
    }),
  },
});

const errors = membersErrors.classes;

export class VillageOutsideRegionError extends errors.MEMBERS_VILLAGE_OUTSIDE_REGION {}
export class InvalidTermError extends errors.MEMBERS_INVALID_TERM {}
export class InvalidBirthYearError extends errors.MEMBERS_INVALID_BIRTH_YEAR {}
export class PersonAmbiguousError extends errors.MEMBERS_PERSON_AMBIGUOUS {}
export class DuplicateMembershipError extends errors.MEMBERS_DUPLICATE_MEMBERSHIP {}
export class PersonOwnedElsewhereError extends errors.MEMBERS_PERSON_OWNED_ELSEWHERE {}
export class PlaceOutsideRegionError extends errors.MEMBERS_PLACE_OUTSIDE_REGION {}
export class MemberOutsideCommitteeError extends errors.MEMBERS_MEMBER_OUTSIDE_COMMITTEE {}
export class InvalidWeightError extends errors.MEMBERS_INVALID_WEIGHT {}
export class CoverageLevelError extends errors.MEMBERS_COVERAGE_LEVEL {}
export class DutyKeptElsewhereError extends errors.MEMBERS_DUTY_KEPT_ELSEWHERE {}

export const membersErrorCodes = membersErrors.codes;
