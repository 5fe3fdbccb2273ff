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

export const consultationsErrorCodes = [
  'CONSULTATIONS_PLACE_OUTSIDE_REGION',
  'CONSULTATIONS_VENUE_LEVEL',
  'CONSULTATIONS_PARTICIPANT_MEMBER',
  'CONSULTATIONS_CLOSED',
] as const;
