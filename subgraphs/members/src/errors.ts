import { HuishangError } from '@huishang/schema';

export class VillageOutsideRegionError extends HuishangError {
  constructor(village: string, region: string) {
    super(
      'MEMBERS_VILLAGE_OUTSIDE_REGION',
      'BAD_USER_INPUT',
      `${village} 不是 ${region} 辖区内的村（社区）/ ${village} is not a village within ${region}`,
      { fields: { village, region } },
    );
  }
}

export class InvalidTermError extends HuishangError {
  constructor(term: number) {
    super(
      'MEMBERS_INVALID_TERM',
      'BAD_USER_INPUT',
      `届次须为 1 到 99 / term must be 1..99, got ${term}`,
      {
        fields: { term },
      },
    );
  }
}

export class InvalidBirthYearError extends HuishangError {
  constructor(birthYear: number, latest: number) {
    super(
      'MEMBERS_INVALID_BIRTH_YEAR',
      'BAD_USER_INPUT',
      `出生年份须在 1900 到 ${latest} 之间 / birth year must be 1900..${latest}, got ${birthYear}`,
      { fields: { birthYear, latest } },
    );
  }
}

export class PersonAmbiguousError extends HuishangError {
  constructor() {
    super(
      'MEMBERS_PERSON_AMBIGUOUS',
      'BAD_USER_INPUT',
      '须给出已登记人员 personId，或新人员的姓名，二者取一 / give either personId of a known person or the name of a new one',
    );
  }
}

export class DuplicateMembershipError extends HuishangError {
  constructor(personId: string, region: string, term: number, memberId: string) {
    super(
      'MEMBERS_DUPLICATE_MEMBERSHIP',
      'CONFLICT',
      `该人员已是 ${region} 第 ${term} 届委员 / the person is already a member of ${region}'s committee for term ${term}`,
      { fields: { personId, region, term, memberId } },
    );
  }
}

export class PersonOwnedElsewhereError extends HuishangError {
  constructor(personId: string, owner: string, caller: string) {
    super(
      'MEMBERS_PERSON_OWNED_ELSEWHERE',
      'FORBIDDEN',
      `人员信息由 ${owner} 登记和维护 / the person's details are kept by ${owner}, not ${caller}`,
      { fields: { personId, owner, caller } },
    );
  }
}

export class PlaceOutsideRegionError extends HuishangError {
  constructor(place: string, region: string, expected: string) {
    super(
      'MEMBERS_PLACE_OUTSIDE_REGION',
      'BAD_USER_INPUT',
      `${place} 不是 ${region} 辖区内的${expected} / ${place} is not a ${expected} within ${region}`,
      { fields: { place, region, expected } },
    );
  }
}

export class MemberOutsideCommitteeError extends HuishangError {
  constructor(memberId: string, region: string) {
    super(
      'MEMBERS_MEMBER_OUTSIDE_COMMITTEE',
      'BAD_USER_INPUT',
      `${memberId} 不是 ${region} 政协委员 / ${memberId} is not a member of ${region}'s committee`,
      { fields: { memberId, region } },
    );
  }
}

export class InvalidWeightError extends HuishangError {
  constructor(kind: string, weight: number) {
    super(
      'MEMBERS_INVALID_WEIGHT',
      'BAD_USER_INPUT',
      `${kind} 的分值须为 0 到 100 的整数 / the weight of ${kind} must be a whole number 0..100, got ${weight}`,
      { fields: { kind, weight } },
    );
  }
}

export class CoverageLevelError extends HuishangError {
  constructor(region: string, level: string) {
    super(
      'MEMBERS_COVERAGE_LEVEL',
      'BAD_USER_INPUT',
      `一村一委员覆盖按县（市、区）或乡镇统计，${region} 为 ${level} / coverage is by county or town; ${region} is a ${level}`,
      { fields: { region, level } },
    );
  }
}

export class DutyKeptElsewhereError extends HuishangError {
  constructor(region: string, node: string) {
    super(
      'MEMBERS_DUTY_KEPT_ELSEWHERE',
      'BAD_USER_INPUT',
      `${region} 委员的履职档案保存在其本级节点，不在 ${node} / duty records of ${region}'s members are kept at its own node, not at ${node}`,
      { fields: { region, node } },
    );
  }
}

export const membersErrorCodes = [
  'MEMBERS_VILLAGE_OUTSIDE_REGION',
  'MEMBERS_INVALID_TERM',
  'MEMBERS_INVALID_BIRTH_YEAR',
  'MEMBERS_PERSON_AMBIGUOUS',
  'MEMBERS_DUPLICATE_MEMBERSHIP',
  'MEMBERS_PERSON_OWNED_ELSEWHERE',
  'MEMBERS_PLACE_OUTSIDE_REGION',
  'MEMBERS_MEMBER_OUTSIDE_COMMITTEE',
  'MEMBERS_INVALID_WEIGHT',
  'MEMBERS_COVERAGE_LEVEL',
  'MEMBERS_DUTY_KEPT_ELSEWHERE',
] as const;
