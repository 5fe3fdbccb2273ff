import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from './context.js';
import { AnonymousWriteError } from './errors.js';

/** Refuses mutations from anonymous readers before any subgraph is asked. */
export const refuseAnonymousWrites: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, contextValue }) {
        if (operation?.operation !== 'mutation' || !contextValue.anonymous) return;
        const error = new AnonymousWriteError();
        throw new GraphQLError(error.message, {
          originalError: error,
          extensions: { ...error.extensions, http: { status: 401 } },
        });
      },
    };
  },
};
