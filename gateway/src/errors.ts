import { defineErrors, HuishangError } from '@huishang/schema';

type Limit = 'depth' | 'aliases' | 'tokens' | 'directives' | 'nodes';
const costLimit = (limit: Limit, max: number, found?: number) => ({
  zh: '查询超出限额',
  en: `the operation exceeds its ${limit} limit of ${max}`,
  fields: { limit, max, ...(found === undefined ? {} : { found }) },
});

/** The gateway's failures, each declared once; the classes below and the README table come from here. */
export const gatewayErrors = defineErrors('GATEWAY_', {
  GATEWAY_UNKNOWN_NODE: {
    category: 'NOT_FOUND',
    describe: (node: string, nodes: readonly string[]) => ({
      zh: `本网关不提供节点 ${node}（可用：${nodes.join('、')}）`,
      en: `this gateway does not serve node ${node} (it serves ${nodes.join(', ')})`,
      fields: { node, nodes },
    }),
  },
  GATEWAY_MISSING_TOKEN: {
    category: 'UNAUTHENTICATED',
    describe: () => ({
      zh: '需要登录：请在 Authorization 头中提供 Bearer 令牌',
      en: 'authentication required: send a Bearer token in the Authorization header',
    }),
  },
  GATEWAY_INVALID_TOKEN: {
    category: 'UNAUTHENTICATED',
    describe: (reason: string, cause?: unknown) => ({
      zh: '令牌无效',
      en: `invalid token: ${reason}`,
      cause,
    }),
  },
  GATEWAY_TOKEN_EXPIRED: {
    category: 'UNAUTHENTICATED',
    describe: (reason: string, cause?: unknown) => ({
      zh: '令牌已过期',
      en: `token expired: ${reason}`,
      cause,
    }),
  },
  GATEWAY_TOKEN_WRONG_NODE: {
    category: 'UNAUTHENTICATED',
    describe: (node: string, cause?: unknown) => ({
      zh: `令牌不适用于节点 ${node}`,
      en: `this token is not for node ${node}`,
      fields: { node },
      cause,
    }),
  },
  GATEWAY_TOKEN_REVOKED: {
    category: 'UNAUTHENTICATED',
    describe: () => ({ zh: '令牌已被吊销', en: 'this token has been revoked' }),
  },
  GATEWAY_ANONYMOUS_WRITE: {
    category: 'UNAUTHENTICATED',
    describe: () => ({
      zh: '修改数据需要登录',
      en: 'writes need a token: anonymous callers may only read',
    }),
  },
  GATEWAY_INVALID_CLAIMS: {
    category: 'BAD_USER_INPUT',
    describe: (reason: string, fields: Record<string, unknown> = {}) => ({
      zh: '令牌内容无效',
      en: `invalid claims: ${reason}`,
      fields,
    }),
  },
  GATEWAY_INVALID_CONFIG: {
    category: 'INTERNAL_SERVER_ERROR',
    describe: (variable: string, reason: string) => ({
      zh: `配置无效：${variable}`,
      en: `${variable}: ${reason}`,
      fields: { variable },
    }),
  },
  GATEWAY_SUBGRAPH_UNAVAILABLE: {
    category: 'INTERNAL_SERVER_ERROR',
    describe: (subgraph: string, failure: string, cause: unknown) => ({
      zh: `子服务 ${subgraph} 暂不可用`,
      en: `subgraph ${subgraph} is unavailable (${failure})`,
      fields: { subgraph },
      cause,
    }),
  },
  GATEWAY_BAD_REQUEST: {
    category: 'BAD_USER_INPUT',
    describe: (reason: string, fields: Record<string, unknown> = {}) => ({
      zh: '请求无效',
      en: `bad request: ${reason}`,
      fields,
    }),
  },
  GATEWAY_CONTROL_CHARACTER: {
    category: 'BAD_USER_INPUT',
    describe: (where: string) => ({
      zh: '参数含控制字符',
      en: `a control character in ${where}`,
      fields: { where },
    }),
  },
  GATEWAY_TOO_DEEP: { category: 'BAD_USER_INPUT', describe: costLimit },
  GATEWAY_TOO_MANY_ALIASES: { category: 'BAD_USER_INPUT', describe: costLimit },
  GATEWAY_TOO_MANY_TOKENS: { category: 'BAD_USER_INPUT', describe: costLimit },
  GATEWAY_TOO_MANY_DIRECTIVES: { category: 'BAD_USER_INPUT', describe: costLimit },
  GATEWAY_TOO_MANY_NODES: { category: 'BAD_USER_INPUT', describe: costLimit },
  GATEWAY_INTROSPECTION_OFF: {
    category: 'FORBIDDEN',
    describe: () => ({ zh: '本节点不提供模式查询', en: 'introspection is off on this node' }),
  },
  GATEWAY_RATE_LIMITED: {
    category: 'SERVICE_UNAVAILABLE',
    describe: (limit: string, retryAfterMs: number) => ({
      zh: '请求过于频繁，请稍后再试',
      en: `too many requests (${limit}); retry later`,
      fields: { limit, retryAfterSeconds: Math.ceil(retryAfterMs / 1000) },
    }),
  },
  GATEWAY_DEADLINE_EXCEEDED: {
    category: 'SERVICE_UNAVAILABLE',
    describe: (deadlineMs: number, cause?: unknown) => ({
      zh: `请求超时（${deadlineMs} 毫秒）`,
      en: `the request ran past its deadline of ${deadlineMs} ms`,
      fields: { deadlineMs },
      cause,
    }),
  },
  GATEWAY_RESPONSE_TOO_LARGE: {
    category: 'BAD_USER_INPUT',
    describe: (maxBytes: number) => ({
      zh: '结果过大，请缩小查询',
      en: `the answer exceeds ${maxBytes} bytes; ask for less`,
      fields: { maxBytes },
    }),
  },
  GATEWAY_NOT_FOUND: {
    category: 'NOT_FOUND',
    describe: () => ({ zh: '没有这个地址', en: 'no such path' }),
  },
  GATEWAY_TOO_MANY_FOLLOWERS: {
    category: 'SERVICE_UNAVAILABLE',
    describe: (limit: number) => ({
      zh: `实时更新连接已满（${limit}），请稍后再试`,
      en: `too many dashboards follow changes here (${limit}); try again later`,
      fields: { limit },
    }),
  },
  GATEWAY_INTERNAL_ERROR: {
    category: 'INTERNAL_SERVER_ERROR',
    describe: () => ({ zh: '内部错误', en: 'internal error' }),
  },
});

const errors = gatewayErrors.classes;

export class UnknownNodeError extends errors.GATEWAY_UNKNOWN_NODE {}
export class MissingTokenError extends errors.GATEWAY_MISSING_TOKEN {}
export class InvalidTokenError extends errors.GATEWAY_INVALID_TOKEN {}
/** The token is genuine but past its `exp`, or older (from `iat`) than its roles allow. */
export class TokenExpiredError extends errors.GATEWAY_TOKEN_EXPIRED {}
/** The token's `aud` does not name the node asked (`huishang:<code>`). */
export class WrongNodeTokenError extends errors.GATEWAY_TOKEN_WRONG_NODE {}
/** The province revoked the token, or every token of its subject issued before a time. */
export class TokenRevokedError extends errors.GATEWAY_TOKEN_REVOKED {}
export class AnonymousWriteError extends errors.GATEWAY_ANONYMOUS_WRITE {}
export class InvalidClaimsError extends errors.GATEWAY_INVALID_CLAIMS {}
export class InvalidConfigError extends errors.GATEWAY_INVALID_CONFIG {}
export class SubgraphUnavailableError extends errors.GATEWAY_SUBGRAPH_UNAVAILABLE {}
/** The request is not one GraphQL request the gateway can run (HTTP 400). */
export class BadRequestError extends errors.GATEWAY_BAD_REQUEST {}
/** NUL or another control character in an argument or a variable. */
export class ControlCharacterError extends errors.GATEWAY_CONTROL_CHARACTER {}

/** Which budget an operation exceeded, and the code it is refused with. */
export const costLimitCodes = {
  depth: 'GATEWAY_TOO_DEEP',
  aliases: 'GATEWAY_TOO_MANY_ALIASES',
  tokens: 'GATEWAY_TOO_MANY_TOKENS',
  directives: 'GATEWAY_TOO_MANY_DIRECTIVES',
  nodes: 'GATEWAY_TOO_MANY_NODES',
} as const satisfies Record<Limit, keyof typeof errors>;

/** An operation over one of its budgets: one class, a code per budget. */
export class CostLimitError extends HuishangError {
  constructor(limit: Limit, max: number, found?: number) {
    super(...gatewayErrors.parts(costLimitCodes[limit], limit, max, found));
  }
}

export class IntrospectionOffError extends errors.GATEWAY_INTROSPECTION_OFF {}
export class RateLimitedError extends errors.GATEWAY_RATE_LIMITED {}
export class DeadlineExceededError extends errors.GATEWAY_DEADLINE_EXCEEDED {}
export class ResponseTooLargeError extends errors.GATEWAY_RESPONSE_TOO_LARGE {}
export class RouteNotFoundError extends errors.GATEWAY_NOT_FOUND {}
export class TooManyFollowersError extends errors.GATEWAY_TOO_MANY_FOLLOWERS {}
/** Whatever else went wrong, told without its details (they go to the log). */
export class InternalError extends errors.GATEWAY_INTERNAL_ERROR {}

/** Every code this package raises, for the README check. */
export const gatewayErrorCodes = gatewayErrors.codes;
