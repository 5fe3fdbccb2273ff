import { HuishangError } from '@huishang/schema';

export class UnauthenticatedError extends HuishangError {
  constructor() {
    super('KIT_UNAUTHENTICATED', 'UNAUTHENTICATED', '需要登录 / authentication required');
  }
}

export class ForbiddenError extends HuishangError {
  constructor(action: 'read' | 'write', region: string, callerRegion: string) {
    super(
      'KIT_FORBIDDEN',
      'FORBIDDEN',
      `无权${action === 'read' ? '查看' : '修改'} ${region} 的数据 / may not ${action} data of region ${region}`,
      { fields: { region, callerRegion } },
    );
  }
}

export class RegionNotServedError extends HuishangError {
  constructor(region: string, node: string) {
    super(
      'KIT_REGION_NOT_SERVED',
      'BAD_USER_INPUT',
      `本节点（${node}）不提供 ${region} 的数据 / region ${region} is not served by node ${node}`,
      { fields: { region, node } },
    );
  }
}

export class NodeNotHostedError extends HuishangError {
  constructor(node: string) {
    super('KIT_NODE_NOT_HOSTED', 'BAD_USER_INPUT', `this process does not host node ${node}`, {
      fields: { node },
    });
  }
}

export class BadPageError extends HuishangError {
  constructor(message: string, fields: Record<string, unknown>) {
    super('KIT_BAD_PAGE', 'BAD_USER_INPUT', message, { fields });
  }
}

export class NotFoundError extends HuishangError {
  constructor(entity: string, id: string) {
    super('KIT_NOT_FOUND', 'NOT_FOUND', `${entity} ${id} 不存在 / ${entity} ${id} not found`, {
      fields: { entity, id },
    });
  }
}

export class InvalidInputError extends HuishangError {
  constructor(field: string, message: string) {
    super('KIT_INVALID_INPUT', 'BAD_USER_INPUT', `${field}: ${message}`, { fields: { field } });
  }
}

/** A statistic's period that cannot be counted: refused before anything is read. */
export class InvalidPeriodError extends HuishangError {
  constructor(field: string, message: string) {
    super('KIT_INVALID_PERIOD', 'BAD_USER_INPUT', `period.${field}: ${message}`, {
      fields: { field },
    });
  }
}

export class VersionConflictError extends HuishangError {
  constructor(entity: string, id: string, expected: number, actual: number) {
    super(
      'KIT_VERSION_CONFLICT',
      'CONFLICT',
      `${entity} ${id} 已被修改（当前版本 ${actual}）/ changed meanwhile: version is ${actual}, not ${expected}`,
      { fields: { entity, id, expected, actual } },
    );
  }
}

export class MigrationError extends HuishangError {
  constructor(schema: string, migration: string, reason: string, cause?: unknown) {
    super(
      'KIT_MIGRATION_FAILED',
      'INTERNAL_SERVER_ERROR',
      `migration ${migration} on ${schema}: ${reason}`,
      {
        fields: { schema, migration },
        cause,
      },
    );
  }
}

export class InvalidCommandError extends HuishangError {
  constructor(reason: string) {
    super('KIT_INVALID_COMMAND', 'BAD_USER_INPUT', `指令无效 / invalid command: ${reason}`, {
      fields: { reason },
    });
  }
}

export class CommandCrossesProvinceError extends HuishangError {
  constructor(type: string, owner: string, node: string) {
    super(
      'KIT_CROSS_PROVINCE',
      'FORBIDDEN',
      `只有联动协商的指令可以发往其他省份 / only joint-session commands go to another province: ${type} from ${node} to ${owner}`,
      { fields: { type, owner, node } },
    );
  }
}

/** A node speaks on the bus only for callers of its own region (and its subtree). */
export class CallerNotOfNodeError extends HuishangError {
  constructor(callerRegion: string, node: string) {
    super(
      'KIT_CALLER_NOT_OF_NODE',
      'FORBIDDEN',
      `本节点（${node}）不能代表 ${callerRegion} 的用户发送指令 / node ${node} sends commands only for callers of its own region, not ${callerRegion}`,
      { fields: { callerRegion, node } },
    );
  }
}

/** One source already has as many items waiting for moderation as a node takes from it. */
export class TooManyPendingError extends HuishangError {
  constructor(limit: number) {
    super(
      'KIT_TOO_MANY_PENDING',
      'FORBIDDEN',
      `您已有 ${limit} 条内容待审核，请待审核后再提交 / ${limit} of your items already wait for moderation: submit more once they are reviewed`,
      { fields: { limit } },
    );
  }
}

export class NodeBusyError extends HuishangError {
  constructor(cause: unknown) {
    super(
      'KIT_NODE_BUSY',
      'SERVICE_UNAVAILABLE',
      '节点繁忙，请稍后重试 / the node is busy: try again shortly',
      { cause },
    );
  }
}

export const kitErrorCodes = [
  'KIT_UNAUTHENTICATED',
  'KIT_FORBIDDEN',
  'KIT_REGION_NOT_SERVED',
  'KIT_NODE_NOT_HOSTED',
  'KIT_BAD_PAGE',
  'KIT_NOT_FOUND',
  'KIT_INVALID_INPUT',
  'KIT_INVALID_PERIOD',
  'KIT_VERSION_CONFLICT',
  'KIT_MIGRATION_FAILED',
  'KIT_INVALID_COMMAND',
  'KIT_CROSS_PROVINCE',
  'KIT_NODE_BUSY',
  'KIT_CALLER_NOT_OF_NODE',
  'KIT_TOO_MANY_PENDING',
] as const;
