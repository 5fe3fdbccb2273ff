/**
 * The error categories clients branch on; they travel as `extensions.code` in GraphQL
 * errors. The specific, package-prefixed code travels as `extensions.reason`.
 */
export type ErrorCategory =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'CONFLICT'
  /** The node cannot take the request now (all its database connections busy): try again. */
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

export interface HuishangErrorOptions {
  /** Structured facts about the failure, e.g. `{ state: 'SUBMITTED' }`. */
  fields?: Record<string, unknown>;
  cause?: unknown;
}

/** Base of every error huishang raises on purpose. */
export class HuishangError extends Error {
  readonly code: string;
  readonly category: ErrorCategory;
  readonly fields: Record<string, unknown>;

  constructor(
    code: string,
    category: ErrorCategory,
    message: string,
    options: HuishangErrorOptions = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'HuishangError';
    this.code = code;
    this.category = category;
    this.fields = options.fields ?? {};
  }

  /**
   * graphql-js copies `extensions` of the original error into the GraphQL error. The
   * fields come first, so none (InvalidCommandError's `reason`) overwrites `code` or `reason`.
   */
  get extensions(): Record<string, unknown> {
    return { ...this.fields, code: this.category, reason: this.code };
  }
}

export class UnknownRegionError extends HuishangError {
  constructor(code: string) {
    super(
      'SCHEMA_UNKNOWN_REGION',
      'BAD_USER_INPUT',
      `未知的区划代码 / unknown region code: ${code}`,
      {
        fields: { region: code },
      },
    );
  }
}

export class InvalidIdentityError extends HuishangError {
  constructor(reason: string, cause?: unknown) {
    super('SCHEMA_INVALID_IDENTITY', 'UNAUTHENTICATED', `身份无效 / invalid identity: ${reason}`, {
      cause,
    });
  }
}

export class CompositionError extends HuishangError {
  constructor(messages: string[]) {
    super(
      'SCHEMA_COMPOSITION_FAILED',
      'INTERNAL_SERVER_ERROR',
      `composition failed:\n${messages.join('\n')}`,
      {
        fields: { messages },
      },
    );
  }
}

/** A secret a process would serve with is missing or one anybody knows (at start). */
export class InsecureSecretError extends HuishangError {
  constructor(variable: string, reason: string) {
    super(
      'SCHEMA_INSECURE_SECRET',
      'INTERNAL_SERVER_ERROR',
      `${variable}: ${reason} (only a development node, HUISHANG_DEV=1, may run so)`,
      { fields: { variable } },
    );
  }
}

/** Every code this package raises, for the README check. */
export const schemaErrorCodes = [
  'SCHEMA_UNKNOWN_REGION',
  'SCHEMA_INVALID_IDENTITY',
  'SCHEMA_COMPOSITION_FAILED',
  'SCHEMA_INSECURE_SECRET',
] as const;
