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

/** What every huishang error answers in `extensions`, from a subgraph, the gateway or HTTP. */
export type HuishangExtensions = {
  code: ErrorCategory;
  reason: string;
  /** The error's structured facts, nested so that none can stand for `code` or `reason`. */
  fields?: Record<string, unknown>;
};

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
    this.name = new.target.name;
    this.code = code;
    this.category = category;
    this.fields = options.fields ?? {};
  }

  /** graphql-js copies `extensions` of the original error into the GraphQL error. */
  get extensions(): HuishangExtensions {
    const extensions: HuishangExtensions = { code: this.category, reason: this.code };
    if (Object.keys(this.fields).length > 0) extensions.fields = this.fields;
    return extensions;
  }
}

/**
 * What one failure says, from the arguments its class is built with: a message in Chinese
 * and English (`中文 / English`), or one a caller already wrote in both; its facts; its cause.
 */
export type ErrorText = ({ zh: string; en: string } | { message: string }) & {
  fields?: Record<string, unknown>;
  cause?: unknown;
};

/** One failure of a package, declared once: its category, and how its arguments read. */
export interface ErrorDeclaration {
  category: ErrorCategory;
  describe: (...args: never[]) => ErrorText;
}

type FieldsOf<D extends ErrorDeclaration> =
  ReturnType<D['describe']> extends { fields: infer F } ? F : Record<string, never>;

/** The class a declaration builds: constructed with the declaration's own parameters. */
export type ErrorClass<D extends ErrorDeclaration> = new (
  ...args: Parameters<D['describe']>
) => HuishangError & { readonly fields: FieldsOf<D> };

export interface ErrorRegistry<D extends Record<string, ErrorDeclaration>> {
  /** One class per code, to extend under its exported name. */
  classes: { readonly [K in keyof D]: ErrorClass<D[K]> };
  /** Every code declared, for the README check. */
  codes: readonly (keyof D & string)[];
  categories: { readonly [K in keyof D]: ErrorCategory };
  /** HuishangError's constructor arguments, for a class that picks one of several codes. */
  parts<K extends keyof D & string>(
    code: K,
    ...args: Parameters<D[K]['describe']>
  ): [string, ErrorCategory, string, HuishangErrorOptions];
}

/**
 * A package's errors as data, as Fastify's `createError(code, message, status)`: each code
 * (with the package's prefix) declared once, with its category and a `describe` from the
 * constructor's arguments to the message and the fields. Exported classes extend the
 * built ones, so that throw sites and `instanceof` checks read as before:
 *
 *     const errors = defineErrors('KIT_', { KIT_NOT_FOUND: { category: 'NOT_FOUND', describe: ... } });
 *     export class NotFoundError extends errors.classes.KIT_NOT_FOUND {}
 */
export function defineErrors<const D extends Record<string, ErrorDeclaration>>(
  prefix: string,
  declarations: D,
): ErrorRegistry<D> {
  const codes = Object.keys(declarations) as (keyof D & string)[];
  for (const code of codes) {
    if (!code.startsWith(prefix) || !/^[A-Z][A-Z0-9_]*$/.test(code))
      throw new Error(`error code ${code} is not of the form ${prefix}UPPER_CASE`);
  }
  const parts = (
    code: string,
    args: unknown[],
  ): [string, ErrorCategory, string, HuishangErrorOptions] => {
    const declaration = declarations[code] as ErrorDeclaration;
    const text = (declaration.describe as (...args: unknown[]) => ErrorText)(...args);
    const message = 'message' in text ? text.message : `${text.zh} / ${text.en}`;
    return [code, declaration.category, message, { fields: text.fields, cause: text.cause }];
  };
  const classes = Object.fromEntries(
    codes.map((code) => [
      code,
      class extends HuishangError {
        constructor(...args: unknown[]) {
          super(...parts(code, args));
        }
      },
    ]),
  );
  return {
    classes: classes as unknown as ErrorRegistry<D>['classes'],
    codes,
    categories: Object.fromEntries(
      codes.map((code) => [code, declarations[code]?.category]),
    ) as ErrorRegistry<D>['categories'],
    parts: (code, ...args) => parts(code, args),
  };
}

/**
 * What disagrees between a registry and the table under the README's `## Error codes`
 * (rows `` | `CODE` | CATEGORY | … ``): a code missing or not declared, listed twice, or of
 * another category. Empty when they agree.
 */
export function errorTableProblems(
  registry: Pick<ErrorRegistry<Record<string, ErrorDeclaration>>, 'codes' | 'categories'>,
  readme: string,
): string[] {
  const section = readme.split(/^## /m).find((part) => part.startsWith('Error codes\n')) ?? '';
  const rows = [...section.matchAll(/^\|\s*`([A-Z][A-Z0-9_]*)`\s*\|\s*([A-Z_]+)\s*\|/gm)];
  const problems: string[] = [];
  const listed = new Map<string, string>();
  for (const [, code = '', category = ''] of rows) {
    if (listed.has(code)) problems.push(`${code} is listed twice`);
    listed.set(code, category);
    const declared = registry.categories[code];
    if (!declared) problems.push(`${code} is in the README but not declared`);
    else if (declared !== category)
      problems.push(`${code} is ${category} in the README but ${declared} in the declaration`);
  }
  for (const code of registry.codes) {
    if (!listed.has(code)) problems.push(`${code} is declared but not in the README`);
  }
  return problems;
}

const errors = defineErrors('SCHEMA_', {
  SCHEMA_UNKNOWN_REGION: {
    category: 'BAD_USER_INPUT',
    describe: (code: string) => ({
      zh: `未知的区划代码：${code}`,
      en: `unknown region code: ${code}`,
      fields: { region: code },
    }),
  },
  SCHEMA_INVALID_IDENTITY: {
    category: 'UNAUTHENTICATED',
    describe: (reason: string, cause?: unknown) => ({
      zh: '身份无效',
      en: `invalid identity: ${reason}`,
      cause,
    }),
  },
  SCHEMA_COMPOSITION_FAILED: {
    category: 'INTERNAL_SERVER_ERROR',
    describe: (messages: string[]) => ({
      zh: '子图合成失败',
      en: `composition failed:\n${messages.join('\n')}`,
      fields: { messages },
    }),
  },
  SCHEMA_INSECURE_SECRET: {
    category: 'INTERNAL_SERVER_ERROR',
    describe: (variable: string, reason: string) => ({
      zh: `${variable} 不安全`,
      en: `${variable}: ${reason} (only a development node, HUISHANG_DEV=1, may run so)`,
      fields: { variable },
    }),
  },
});

export class UnknownRegionError extends errors.classes.SCHEMA_UNKNOWN_REGION {}
export class InvalidIdentityError extends errors.classes.SCHEMA_INVALID_IDENTITY {}
export class CompositionError extends errors.classes.SCHEMA_COMPOSITION_FAILED {}
/** A secret a process would serve with is missing or one anybody knows (at start). */
export class InsecureSecretError extends errors.classes.SCHEMA_INSECURE_SECRET {}

export const schemaErrors = errors;
/** Every code this package raises. */
export const schemaErrorCodes = errors.codes;
