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

export const membersErrorCodes = [
  'MEMBERS_VILLAGE_OUTSIDE_REGION',
  'MEMBERS_INVALID_TERM',
] as const;
