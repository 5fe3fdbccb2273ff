import { HuishangError } from '@huishang/schema';

export class UnknownNodeError extends HuishangError {
  constructor(node: string, nodes: readonly string[]) {
    super(
      'GATEWAY_UNKNOWN_NODE',
      'NOT_FOUND',
      `本网关不提供节点 ${node}（可用：${nodes.join('、')}）/ this gateway does not serve node ${node} (it serves ${nodes.join(', ')})`,
      { fields: { node, nodes } },
    );
  }
}

export class MissingTokenError extends HuishangError {
  constructor() {
    super(
      'GATEWAY_MISSING_TOKEN',
      'UNAUTHENTICATED',
      '需要登录：请在 Authorization 头中提供 Bearer 令牌 / authentication required: send a Bearer token in the Authorization header',
    );
  }
}

export class InvalidTokenError extends HuishangError {
  constructor(reason: string, cause?: unknown) {
    super('GATEWAY_INVALID_TOKEN', 'UNAUTHENTICATED', `令牌无效 / invalid token: ${reason}`, {
      cause,
    });
  }
}

/** The token is genuine but past its `exp`, or older (from `iat`) than its roles allow. */
export class TokenExpiredError extends HuishangError {
  constructor(reason: string, cause?: unknown) {
    super('GATEWAY_TOKEN_EXPIRED', 'UNAUTHENTICATED', `令牌已过期 / token expired: ${reason}`, {
      cause,
    });
  }
}

/** The token's `aud` does not name the node asked (`huishang:<code>`). */
export class WrongNodeTokenError extends HuishangError {
  constructor(node: string, cause?: unknown) {
    super(
      'GATEWAY_TOKEN_WRONG_NODE',
      'UNAUTHENTICATED',
      `令牌不适用于节点 ${node} / this token is not for node ${node}`,
      { fields: { node }, cause },
    );
  }
}

/** The province revoked the token, or every token of its subject issued before a time. */
export class TokenRevokedError extends HuishangError {
  constructor() {
    super('GATEWAY_TOKEN_REVOKED', 'UNAUTHENTICATED', '令牌已被吊销 / this token has been revoked');
  }
}

export class AnonymousWriteError extends HuishangError {
  constructor() {
    super(
      'GATEWAY_ANONYMOUS_WRITE',
      'UNAUTHENTICATED',
      '修改数据需要登录 / writes need a token: anonymous callers may only read',
    );
  }
}

export class InvalidClaimsError extends HuishangError {
  constructor(reason: string, fields: Record<string, unknown> = {}) {
    super('GATEWAY_INVALID_CLAIMS', 'BAD_USER_INPUT', `令牌内容无效 / invalid claims: ${reason}`, {
      fields,
    });
  }
}

export class InvalidConfigError extends HuishangError {
  constructor(variable: string, reason: string) {
    super('GATEWAY_INVALID_CONFIG', 'INTERNAL_SERVER_ERROR', `${variable}: ${reason}`, {
      fields: { variable },
    });
  }
}

export class SubgraphUnavailableError extends HuishangError {
  constructor(subgraph: string, failure: string, cause: unknown) {
    super(
      'GATEWAY_SUBGRAPH_UNAVAILABLE',
      'INTERNAL_SERVER_ERROR',
      `子服务 ${subgraph} 暂不可用 / subgraph ${subgraph} is unavailable (${failure})`,
      { fields: { subgraph }, cause },
    );
  }
}

/** The request is not one GraphQL request the gateway can run (HTTP 400). */
export class BadRequestError extends HuishangError {
  constructor(reason: string, fields: Record<string, unknown> = {}) {
    super('GATEWAY_BAD_REQUEST', 'BAD_USER_INPUT', `请求无效 / bad request: ${reason}`, { fields });
  }
}

/** NUL or another control character in an argument or a variable. */
export class ControlCharacterError extends HuishangError {
  constructor(where: string) {
    super(
      'GATEWAY_CONTROL_CHARACTER',
      'BAD_USER_INPUT',
      `参数含控制字符 / a control character in ${where}`,
      { fields: { where } },
    );
  }
}

/** Which budget an operation exceeded, and the code it is refused with. */
export const costLimitCodes = {
  depth: 'GATEWAY_TOO_DEEP',
  aliases: 'GATEWAY_TOO_MANY_ALIASES',
  tokens: 'GATEWAY_TOO_MANY_TOKENS',
  directives: 'GATEWAY_TOO_MANY_DIRECTIVES',
  nodes: 'GATEWAY_TOO_MANY_NODES',
} as const;

export class CostLimitError extends HuishangError {
  constructor(limit: keyof typeof costLimitCodes, max: number, found?: number) {
    super(
      costLimitCodes[limit],
      'BAD_USER_INPUT',
      `查询超出限额 / the operation exceeds its ${limit} limit of ${max}`,
      { fields: { limit, max, ...(found === undefined ? {} : { found }) } },
    );
  }
}

export class IntrospectionOffError extends HuishangError {
  constructor() {
    super(
      'GATEWAY_INTROSPECTION_OFF',
      'FORBIDDEN',
      '本节点不提供模式查询 / introspection is off on this node',
    );
  }
}

export class RateLimitedError extends HuishangError {
  constructor(limit: string, retryAfterMs: number) {
    super(
      'GATEWAY_RATE_LIMITED',
      'SERVICE_UNAVAILABLE',
      `请求过于频繁，请稍后再试 / too many requests (${limit}); retry later`,
      { fields: { limit, retryAfterSeconds: Math.ceil(retryAfterMs / 1000) } },
    );
  }
}

export class DeadlineExceededError extends HuishangError {
  constructor(deadlineMs: number, cause?: unknown) {
    super(
      'GATEWAY_DEADLINE_EXCEEDED',
      'SERVICE_UNAVAILABLE',
      `请求超时（${deadlineMs} 毫秒）/ the request ran past its deadline of ${deadlineMs} ms`,
      { fields: { deadlineMs }, cause },
    );
  }
}

export class ResponseTooLargeError extends HuishangError {
  constructor(maxBytes: number) {
    super(
      'GATEWAY_RESPONSE_TOO_LARGE',
      'BAD_USER_INPUT',
      `结果过大，请缩小查询 / the answer exceeds ${maxBytes} bytes; ask for less`,
      { fields: { maxBytes } },
    );
  }
}

export class RouteNotFoundError extends HuishangError {
  constructor() {
    super('GATEWAY_NOT_FOUND', 'NOT_FOUND', '没有这个地址 / no such path');
  }
}

export class TooManyFollowersError extends HuishangError {
  constructor(limit: number) {
    super(
      'GATEWAY_TOO_MANY_FOLLOWERS',
      'SERVICE_UNAVAILABLE',
      `实时更新连接已满（${limit}），请稍后再试 / too many dashboards follow changes here (${limit}); try again later`,
      { fields: { limit } },
    );
  }
}

/** Whatever else went wrong, told without its details (they go to the log). */
export class InternalError extends HuishangError {
  constructor() {
    super('GATEWAY_INTERNAL_ERROR', 'INTERNAL_SERVER_ERROR', '内部错误 / internal error');
  }
}

/** Every code this package raises, for the README check. */
export const gatewayErrorCodes = [
  'GATEWAY_UNKNOWN_NODE',
  'GATEWAY_MISSING_TOKEN',
  'GATEWAY_INVALID_TOKEN',
  'GATEWAY_TOKEN_EXPIRED',
  'GATEWAY_TOKEN_WRONG_NODE',
  'GATEWAY_TOKEN_REVOKED',
  'GATEWAY_ANONYMOUS_WRITE',
  'GATEWAY_INVALID_CLAIMS',
  'GATEWAY_INVALID_CONFIG',
  'GATEWAY_SUBGRAPH_UNAVAILABLE',
  'GATEWAY_BAD_REQUEST',
  'GATEWAY_CONTROL_CHARACTER',
  ...Object.values(costLimitCodes),
  'GATEWAY_INTROSPECTION_OFF',
  'GATEWAY_RATE_LIMITED',
  'GATEWAY_DEADLINE_EXCEEDED',
  'GATEWAY_RESPONSE_TOO_LARGE',
  'GATEWAY_NOT_FOUND',
  'GATEWAY_INTERNAL_ERROR',
  'GATEWAY_TOO_MANY_FOLLOWERS',
] as const;
