import { defineErrors } from '@huishang/schema';

/** The kit's failures, each declared once; the classes below and the README table come from here. */
export const kitErrors = defineErrors('KIT_', {
  KIT_UNAUTHENTICATED: {
    category: 'UNAUTHENTICATED',
    describe: () => ({ zh: '需要登录', en: 'authentication required' }),
  },
  KIT_FORBIDDEN: {
    category: 'FORBIDDEN',
    describe: (action: 'read' | 'write', region: string, callerRegion: string) => ({
      zh: `无权${action === 'read' ? '查看' : '修改'} ${region} 的数据`,
      en: `may not ${action} data of region ${region}`,
      fields: { region, callerRegion },
    }),
  },
  KIT_REGION_NOT_SERVED: {
    category: 'BAD_USER_INPUT',
    describe: (region: string, node: string) => ({
      zh: `本节点（${node}）不提供 ${region} 的数据`,
      en: `region ${region} is not served by node ${node}`,
      fields: { region, node },
    }),
  },
  KIT_NODE_NOT_HOSTED: {
    category: 'BAD_USER_INPUT',
    describe: (node: string) => ({
      zh: `本进程不承载节点 ${node}`,
      en: `this process does not host node ${node}`,
      fields: { node },
    }),
  },
  KIT_BAD_PAGE: {
    category: 'BAD_USER_INPUT',
    /** `message` in both languages, as the caller wrote it. */
    describe: (message: string, fields: Record<string, unknown>) => ({ message, fields }),
  },
  KIT_NOT_FOUND: {
    category: 'NOT_FOUND',
    describe: (entity: string, id: string) => ({
      zh: `${entity} ${id} 不存在`,
      en: `${entity} ${id} not found`,
      fields: { entity, id },
    }),
  },
  KIT_INVALID_INPUT: {
    category: 'BAD_USER_INPUT',
    describe: (field: string, message: string) => ({
      message: `${field}: ${message}`,
      fields: { field },
    }),
  },
  KIT_INVALID_PERIOD: {
    category: 'BAD_USER_INPUT',
    describe: (field: string, message: string) => ({
      message: `period.${field}: ${message}`,
      fields: { field },
    }),
  },
  KIT_VERSION_CONFLICT: {
    category: 'CONFLICT',
    describe: (entity: string, id: string, expected: number, actual: number) => ({
      zh: `${entity} ${id} 已被修改（当前版本 ${actual}）`,
      en: `changed meanwhile: version is ${actual}, not ${expected}`,
      fields: { entity, id, expected, actual },
    }),
  },
  KIT_MIGRATION_FAILED: {
    category: 'INTERNAL_SERVER_ERROR',
    describe: (schema: string, migration: string, reason: string, cause?: unknown) => ({
      zh: `数据库迁移 ${migration} 失败`,
      en: `migration ${migration} on ${schema}: ${reason}`,
      fields: { schema, migration },
      cause,
    }),
  },
  KIT_INVALID_COMMAND: {
    category: 'BAD_USER_INPUT',
    describe: (reason: string) => ({
      zh: '指令无效',
      en: `invalid command: ${reason}`,
      fields: { reason },
    }),
  },
  KIT_CROSS_PROVINCE: {
    category: 'FORBIDDEN',
    describe: (type: string, owner: string, node: string) => ({
      zh: '只有联动协商的指令可以发往其他省份',
      en: `only joint-session commands go to another province: ${type} from ${node} to ${owner}`,
      fields: { type, owner, node },
    }),
  },
  KIT_NODE_BUSY: {
    category: 'SERVICE_UNAVAILABLE',
    describe: (cause: unknown) => ({
      zh: '节点繁忙，请稍后重试',
      en: 'the node is busy: try again shortly',
      cause,
    }),
  },
  KIT_CALLER_NOT_OF_NODE: {
    category: 'FORBIDDEN',
    describe: (callerRegion: string, node: string) => ({
      zh: `本节点（${node}）不能代表 ${callerRegion} 的用户发送指令`,
      en: `node ${node} sends commands only for callers of its own region, not ${callerRegion}`,
      fields: { callerRegion, node },
    }),
  },
  KIT_TOO_MANY_PENDING: {
    category: 'FORBIDDEN',
    describe: (limit: number) => ({
      zh: `您已有 ${limit} 条内容待审核，请待审核后再提交`,
      en: `${limit} of your items already wait for moderation: submit more once they are reviewed`,
      fields: { limit },
    }),
  },
  KIT_TOO_MANY_FOLLOWERS: {
    category: 'SERVICE_UNAVAILABLE',
    describe: (limit: number) => ({
      zh: `变更订阅已满（${limit}），请稍后再试`,
      en: `too many followers of this node's changes (${limit}); try again later`,
      fields: { limit },
    }),
  },
  KIT_INVALID_CONFIG: {
    category: 'INTERNAL_SERVER_ERROR',
    describe: (variable: string, reason: string) => ({
      zh: `配置无效：${variable}`,
      en: `${variable}: ${reason}`,
      fields: { variable },
    }),
  },
  KIT_INTERNAL_ERROR: {
    category: 'INTERNAL_SERVER_ERROR',
    describe: () => ({ zh: '内部错误', en: 'internal error' }),
  },
});

const errors = kitErrors.classes;

export class UnauthenticatedError extends errors.KIT_UNAUTHENTICATED {}
export class ForbiddenError extends errors.KIT_FORBIDDEN {}
export class RegionNotServedError extends errors.KIT_REGION_NOT_SERVED {}
export class NodeNotHostedError extends errors.KIT_NODE_NOT_HOSTED {}
export class BadPageError extends errors.KIT_BAD_PAGE {}
export class NotFoundError extends errors.KIT_NOT_FOUND {}
export class InvalidInputError extends errors.KIT_INVALID_INPUT {}
/** A statistic's period that cannot be counted: refused before anything is read. */
export class InvalidPeriodError extends errors.KIT_INVALID_PERIOD {}
export class VersionConflictError extends errors.KIT_VERSION_CONFLICT {}
export class MigrationError extends errors.KIT_MIGRATION_FAILED {}
export class InvalidCommandError extends errors.KIT_INVALID_COMMAND {}
export class CommandCrossesProvinceError extends errors.KIT_CROSS_PROVINCE {}
/** A node speaks on the bus only for callers of its own region (and its subtree). */
export class CallerNotOfNodeError extends errors.KIT_CALLER_NOT_OF_NODE {}
/** One source already has as many items waiting for moderation as a node takes from it. */
export class TooManyPendingError extends errors.KIT_TOO_MANY_PENDING {}
export class NodeBusyError extends errors.KIT_NODE_BUSY {}
/** More followers of `GET /changes` than the node keeps open. */
export class TooManyFollowersError extends errors.KIT_TOO_MANY_FOLLOWERS {}
/** A configuration value is missing or malformed (at start). */
export class InvalidConfigError extends errors.KIT_INVALID_CONFIG {}
/** Whatever else went wrong, told without its details (they go to the log). */
export class InternalError extends errors.KIT_INTERNAL_ERROR {}

export const kitErrorCodes = kitErrors.codes;
