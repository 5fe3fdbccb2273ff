// Hive Gateway: `createGatewayRuntime` over the run's supergraph, served by node:http, with
// its defaults but for one setting: the caller's signed identity header is propagated to
// the subgraphs. No token is verified: callers send the identity pre-signed.
// `SUPERGRAPH_PATH=… PORT=… node dist/hive.js`; it answers at /graphql.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createGatewayRuntime } from '@graphql-hive/gateway';
import { identityHeader } from '@huishang/schema';

const gateway = createGatewayRuntime({
  supergraph: readFileSync(process.env.SUPERGRAPH_PATH ?? '', 'utf8'),
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => {
      const identity = request.headers.get(identityHeader);
      return identity ? { [identityHeader]: identity } : {};
    },
  },
});
const server = createServer(gateway);
server.listen(Number(process.env.PORT ?? 4200), '127.0.0.1');
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    server.close();
    Promise.resolve(gateway.dispose()).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
