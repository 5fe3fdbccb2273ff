import { type GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { HuishangError, identityHeader } from '@huishang/schema';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from './context.js';
import { createBoundedFetcher, currentDeadline } from './deadline.js';
import { DeadlineExceededError, SubgraphUnavailableError } from './errors.js';

/**
 * One subgraph, asked with the caller's signed identity so that it can enforce access.
 * A subgraph that cannot be reached is named in the error, not hidden behind its URL.
 */
export class IdentityForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  readonly subgraph: string;

  /** `maxBytes`: the largest answer read from the subgraph. */
  constructor(subgraph: string, url: string, maxBytes: number) {
    super({ url });
    this.subgraph = subgraph;
    this.fetcher = createBoundedFetcher(maxBytes);
  }

  override async willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    // health checks and schema loading carry no caller
    if (!('incomingRequestContext' in options)) return;
    options.request.http?.headers.set(identityHeader, await options.context.forwardedIdentity());
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    try {
      return await super.process(options);
    } catch (error) {
      // a GraphQLError is the subgraph's own answer (an HTTP error status); pass it on
      if (error instanceof GraphQLError || error instanceof HuishangError) throw error;
      const deadline = currentDeadline();
      if (deadline?.signal.aborted) throw new DeadlineExceededError(deadline.ms, error);
      // fetch says only "fetch failed"; its cause says why (ECONNREFUSED, …)
      const failure = error as { code?: unknown; cause?: { code?: unknown } };
      const code = failure.code ?? failure.cause?.code;
      throw new SubgraphUnavailableError(this.subgraph, String(code ?? 'no answer'), error);
    }
  }
}
