// The stock gateway: @apollo/gateway over the run's supergraph, served by @apollo/server's
// standalone server with its defaults, forwarding the caller's signed identity header to
// the subgraphs as it came. No token is verified: callers send the identity pre-signed.
// `SUPERGRAPH_PATH=… PORT=… node dist/stock.js`
import { readFileSync } from 'node:fs';
import {
  ApolloGateway,
  type GraphQLDataSourceProcessOptions,
  RemoteGraphQLDataSource,
} from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { identityHeader } from '@huishang/schema';

interface Context {
  identity?: string;
}

class IdentityForwarding extends RemoteGraphQLDataSource<Context> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<Context>) {
    if (context.identity) request.http?.headers.set(identityHeader, context.identity);
  }
}

const supergraphSdl = readFileSync(process.env.SUPERGRAPH_PATH ?? '', 'utf8');
const gateway = new ApolloGateway({
  supergraphSdl,
  buildService: ({ url }) => new IdentityForwarding({ url }),
});
const server = new ApolloServer<Context>({ gateway });
await startStandaloneServer(server, {
  listen: { host: '127.0.0.1', port: Number(process.env.PORT ?? 4100) },
  context: async ({ req }) => {
    const identity = req.headers[identityHeader];
    return typeof identity === 'string' ? { identity } : {};
  },
});
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    server.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
