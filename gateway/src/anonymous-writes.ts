import type { ApolloServerPlugin } from '@apollo/server';
import { publicMutations } from '@huishang/schema';
import { GraphQLError, Kind, type OperationDefinitionNode } from 'graphql';
import type { GatewayContext } from './context.js';
import { AnonymousWriteError } from './errors.js';

/**
 * True when every root field of a mutation is one the public may call without an account.
 * Fragments at the root are not followed: a public caller has no reason to send them.
 */
export function onlyPublicMutations(operation: OperationDefinitionNode): boolean {
  return operation.selectionSet.selections.every(
    (selection) =>
      (selection.kind === Kind.FIELD && publicMutations.has(selection.name.value)) ||
      (selection.kind === Kind.FIELD && selection.name.value === '__typename'),
  );
}

/** Refuses mutations from anonymous callers, bar the public ones, before any subgraph is asked. */
export const refuseAnonymousWrites: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, contextValue }) {
        if (operation?.operation !== 'mutation' || !contextValue.anonymous) return;
        if (onlyPublicMutations(operation)) return;
        const error = new AnonymousWriteError();
        throw new GraphQLError(error.message, {
          originalError: error,
          extensions: { ...error.extensions, http: { status: 401 } },
        });
      },
    };
  },
};
