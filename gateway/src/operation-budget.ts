import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import {
  type DocumentNode,
  ExecutableDefinitionsRule,
  GraphQLError,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isListType,
  KnownFragmentNamesRule,
  NoFragmentCyclesRule,
  type OperationDefinitionNode,
  type ValidationRule,
  validate,
} from 'graphql';
import { type ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import { BadRequestError, CostLimitError, type costLimitCodes } from './errors.js';
import type { CostBudget } from './limits.js';

/** A connection's page when `first` is not given: the subgraph kit's default. */
export const defaultPageSize = 20;
/** What a list without a `first` argument is assumed to hold. */
export const assumedListSize = 10;

/**
 * Parses a document, refusing it once it passes `budget.tokens` tokens (graphql-armor's
 * lexer counts as it goes, so a huge document costs no more than its allowance).
 */
export function parseWithinBudget(source: string, budget: CostBudget): DocumentNode {
  let tooMany = false;
  try {
    const parser = new MaxTokensParserWLexer(source, {
      n: budget.tokens,
      onReject: [() => (tooMany = true)],
    });
    return parser.parseDocument();
  } catch (error) {
    if (tooMany) throw new CostLimitError('tokens', budget.tokens);
    if (error instanceof GraphQLError)
      throw new BadRequestError(truncate(error.message, 200), { syntax: true });
    throw error;
  }
}

/**
 * Objects and values an operation may return: a field costs one plus its selection, a
 * connection's selection counts `first` times (the page it asks for), any other list
 * `assumedListSize` times. The edges of a connection are that page, not a second list.
 */
export const estimateNodes: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const pageArgument = field.args.some((argument) => argument.name === 'first');
  const first = typeof args.first === 'number' ? Math.max(args.first, 1) : undefined;
  const inConnection = getNamedType(type).name.endsWith('Connection');
  let size = 1;
  if (pageArgument) size = first ?? defaultPageSize;
  else if (isListType(getNullableType(field.type)) && !inConnection) size = assumedListSize;
  return 1 + size * childComplexity;
};

type Limit = Exclude<keyof typeof costLimitCodes, 'tokens' | 'nodes'>;

function armorRule(limit: Limit, n: number, refused: { limit?: Limit }): ValidationRule {
  const onReject = [() => (refused.limit ??= limit)];
  if (limit === 'depth') return maxDepthRule({ n, onReject, ignoreIntrospection: false });
  if (limit === 'aliases') return maxAliasesRule({ n, onReject });
  return maxDirectivesRule({ n, onReject });
}

/**
 * Checks a parsed document against a caller's budget with graphql-armor's depth, alias and
 * directive rules, and graphql's own linear rules that the node estimate relies on
 * (fragments that exist, no cycle). Throws the first limit exceeded as a CostLimitError.
 */
export function checkDocumentBudget(
  schema: GraphQLSchema,
  document: DocumentNode,
  budget: CostBudget,
): void {
  const refused: { limit?: Limit } = {};
  const rules = (['depth', 'aliases', 'directives'] as const).map((limit) =>
    armorRule(limit, budget[limit], refused),
  );
  // all linear in the document; graphql's other rules run later, in Apollo
  const shape = [ExecutableDefinitionsRule, KnownFragmentNamesRule, NoFragmentCyclesRule];
  let invalid: readonly GraphQLError[] = [];
  try {
    invalid = validate(schema, document, [...shape, ...rules], { maxErrors: 1 });
  } catch (error) {
    // armor throws its own error on a refusal; ours says which limit, with its code
    if (!refused.limit) throw error;
  }
  if (refused.limit) throw new CostLimitError(refused.limit, budget[refused.limit]);
  if (invalid[0]) throw new BadRequestError(truncate(invalid[0].message, 200));
}

/**
 * Checks graphql-query-complexity's estimate of the nodes one operation returns, with its
 * variables (a page size may be one), against the budget. Variables that do not fit their
 * declarations are a BadRequestError.
 */
export function checkNodeBudget(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  budget: CostBudget,
): void {
  let nodes: number;
  try {
    nodes = getComplexity({
      schema,
      query: document,
      operationName: operation.name?.value,
      variables,
      estimators: [estimateNodes],
    });
  } catch (error) {
    if (error instanceof GraphQLError) throw new BadRequestError(truncate(error.message, 200));
    throw error;
  }
  if (nodes > budget.nodes) throw new CostLimitError('nodes', budget.nodes, nodes);
}

/** A client's text as it may appear in an answer: at most `max` characters. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}
