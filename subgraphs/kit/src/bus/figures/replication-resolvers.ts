import { getRegion, type SubgraphName } from '@huishang/schema';
import type { MercuriusContext } from 'mercurius';
import { assertReadableRegion } from '../../access.js';
import type { RequestContext } from '../../context.js';
import { NodeNotHostedError } from '../../errors.js';
import type { SourceReplication } from './replication-status.js';

/** The `ReplicationStatus` entity as it travels between subgraphs: its key. */
export interface ReplicationStatusKey {
  region: string;
}

type Context = RequestContext<unknown>;

// mercurius puts the Fastify instance in every context; the metrics plugin decorated it.
const appOf = (context: Context) => (context as unknown as MercuriusContext).app;

/** A region the caller may read and whose node this process hosts (it keeps the figures). */
function readableStatus(region: string, context: Context): ReplicationStatusKey {
  assertReadableRegion(context.identity, region);
  // consumers' health and lag move with the clock and the bus, not with events
  context.noStore();
  if (!appOf(context).databases.regions.includes(region)) throw new NodeNotHostedError(region);
  return { region };
}

/** `joint-sessions` → `jointSessions`: the subgraph's field on `ReplicationStatus`. */
const fieldOf = (subgraph: SubgraphName) =>
  subgraph.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());

/** `Query.replicationStatus`, which the members subgraph serves. */
export const replicationStatusQuery = (_: unknown, args: { region: string }, context: Context) =>
  readableStatus(args.region, context);

/**
 * The resolvers of a subgraph's part in `replicationStatus`: the entity reference, its
 * field (named after the subgraph) and the shared `SourceReplication.source`.
 */
export function replicationStatusResolvers(subgraph: SubgraphName) {
  return {
    ReplicationStatus: {
      __resolveReference: (key: ReplicationStatusKey, context: Context) =>
        readableStatus(key.region, context),
      [fieldOf(subgraph)]: (status: ReplicationStatusKey, _: unknown, context: Context) =>
        appOf(context).replicationStatus(status.region),
    },
    SourceReplication: {
      source: (replication: SourceReplication) => getRegion(replication.source),
    },
  };
}
