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
] as const;
