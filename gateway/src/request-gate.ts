import { HuishangError } from '@huishang/schema';
import {
  BREAK,
  type DocumentNode,
  type GraphQLSchema,
  getOperationAST,
  Kind,
  type OperationDefinitionNode,
  visit,
} from 'graphql';
import { BadRequestError, ControlCharacterError, IntrospectionOffError } from './errors.js';
import type { CostBudget, GatewayLimits } from './limits.js';
import {
  checkDocumentBudget,
  checkNodeBudget,
  parseWithinBudget,
  truncate,
} from './operation-budget.js';

/** A GraphQL-over-HTTP request's parameters, from a POST body or a GET query string. */
export interface GraphqlParams {
  query: string;
  operationName?: string;
  variables: Record<string, unknown>;
}

/** What the gate learnt of an admitted request. */
export interface AdmittedOperation {
  document: DocumentNode;
  operation: OperationDefinitionNode;
}

/** True when a string holds NUL or another control character a text has no use for. */
export function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // C0 controls and DEL, bar tab, line feed and carriage return, which texts may hold
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return true;
  }
  return false;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The path of the first string (or key) in a JSON value holding a control character, or
 * undefined. Walked with a stack, not recursion: a deeply nested body cannot overflow it.
 */
export function findControlCharacter(value: unknown, root = 'variables'): string | undefined {
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length > 0) {
    const [current, path] = stack.pop() as [unknown, string];
    if (typeof current === 'string') {
      if (hasControlCharacter(current)) return path;
    } else if (Array.isArray(current)) {
      for (const [i, item] of current.entries()) stack.push([item, `${path}[${i}]`]);
    } else if (isRecord(current)) {
      for (const [key, item] of Object.entries(current)) {
        const at = `${path}.${truncate(key, 40)}`;
        if (hasControlCharacter(key)) return at;
        stack.push([item, at]);
      }
    }
  }
  return undefined;
}

/**
 * The parameters of a GraphQL request, or a BadRequestError saying what is wrong; a
 * batch (an array) is refused. GET carries `variables` as JSON text.
 */
export function readGraphqlParams(
  input: unknown,
  limits: Pick<GatewayLimits, 'operationNameChars'>,
): GraphqlParams {
  if (Array.isArray(input)) throw new BadRequestError('batched requests are not accepted');
  if (!isRecord(input)) throw new BadRequestError('the request carries no GraphQL parameters');
  const { query, operationName } = input;
  let { variables } = input;
  if (typeof query !== 'string' || query.trim() === '')
    throw new BadRequestError('"query" must be a non-empty string');
  if (operationName !== undefined && operationName !== null) {
    if (typeof operationName !== 'string')
      throw new BadRequestError('"operationName" must be a string');
    if (operationName.length > limits.operationNameChars)
      throw new BadRequestError(`"operationName" is longer than ${limits.operationNameChars}`);
    if (!/^[_A-Za-z][_0-9A-Za-z]*$/.test(operationName))
      throw new BadRequestError('"operationName" is not a GraphQL name');
  }
  if (typeof variables === 'string') {
    try {
      variables = JSON.parse(variables);
    } catch {
      throw new BadRequestError('"variables" is not JSON');
    }
  }
  if (variables !== undefined && variables !== null && !isRecord(variables))
    throw new BadRequestError('"variables" must be an object');
  return {
    query,
    ...(typeof operationName === 'string' ? { operationName } : {}),
    variables: (variables as Record<string, unknown> | null | undefined) ?? {},
  };
}

/** True when the document asks for the schema (`__schema` or `__type`). */
export function asksIntrospection(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        found = true;
        return BREAK;
      }
    },
  });
  return found;
}

/** The first string literal in the document that holds a control character, if any. */
function controlCharacterInLiterals(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    StringValue(node) {
      if (hasControlCharacter(node.value)) {
        found = true;
        return BREAK;
      }
    },
  });
  return found;
}

export interface GateOptions {
  schema: GraphQLSchema;
  budget: CostBudget;
  /** Whether this caller may ask for `__schema`/`__type`. */
  introspection: boolean;
  /** Verdicts on documents already seen with this budget (see DocumentVerdicts). */
  verdicts?: DocumentVerdicts;
}

type Verdict = { document: DocumentNode } | { refusal: HuishangError };

/**
 * What the gate decided of each recent document under one budget, so a client sending
 * the same operation again (or the same hostile one) costs a lookup, not a parse and a
 * validation. Bounded: the oldest verdict goes first; long documents are not kept.
 */
export class DocumentVerdicts {
  readonly #verdicts = new Map<string, Verdict>();
  constructor(
    readonly maxEntries = 500,
    readonly maxChars = 20_000,
  ) {}

  decide(key: string, decide: () => DocumentNode): DocumentNode {
    const known = this.#verdicts.get(key);
    const verdict = known ?? this.#decide(decide);
    if (!known && key.length <= this.maxChars) {
      if (this.#verdicts.size >= this.maxEntries)
        this.#verdicts.delete(this.#verdicts.keys().next().value as string);
      this.#verdicts.set(key, verdict);
    }
    if ('refusal' in verdict) throw verdict.refusal;
    return verdict.document;
  }

  #decide(decide: () => DocumentNode): Verdict {
    try {
      return { document: decide() };
    } catch (error) {
      if (error instanceof HuishangError) return { refusal: error };
      throw error;
    }
  }
}

/** What holds of a document whatever its operation name and variables. */
function checkDocument(query: string, options: GateOptions): DocumentNode {
  const document = parseWithinBudget(query, options.budget);
  if (
    document.definitions.some(
      (d) => d.kind !== Kind.OPERATION_DEFINITION && d.kind !== Kind.FRAGMENT_DEFINITION,
    )
  )
    throw new BadRequestError('the document may hold only operations and fragments');
  if (controlCharacterInLiterals(document)) throw new ControlCharacterError('an argument');
  if (!options.introspection && asksIntrospection(document)) throw new IntrospectionOffError();
  checkDocumentBudget(options.schema, document, options.budget);
  return document;
}

/**
 * Everything the gateway checks of a request before Apollo plans it: the operation can be
 * chosen and is a query or mutation, no argument or variable holds a control character,
 * no introspection unless allowed, and the caller's budget holds. Throws the refusal.
 */
export function admitOperation(params: GraphqlParams, options: GateOptions): AdmittedOperation {
  const where = findControlCharacter(params.variables);
  if (where) throw new ControlCharacterError(where);
  const decide = () => checkDocument(params.query, options);
  const key = `${options.introspection ? 'i' : '-'}${params.query}`;
  const document = options.verdicts ? options.verdicts.decide(key, decide) : decide();
  const operation = getOperationAST(document, params.operationName);
  if (!operation) {
    const reason = params.operationName
      ? `no operation named "${params.operationName}" in the document`
      : 'the document holds several operations (or none): name one in "operationName"';
    throw new BadRequestError(reason);
  }
  if (operation.operation === 'subscription')
    throw new BadRequestError('subscriptions are not served over HTTP');
  checkNodeBudget(options.schema, document, operation, params.variables, options.budget);
  return { document, operation };
}
