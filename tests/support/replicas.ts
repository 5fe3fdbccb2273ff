import { identityHeaders } from '@huishang/subgraph-kit/testing';
import type pg from 'pg';

/** Everything a reader sees of a proposal, children included; `colour` depends on the clock. */
const proposalFields = `id region { code } number term session title body keywords category
  status collectiveProposer isKey deadline submittedAt registeredAt assignedAt repliedAt
  version createdAt updatedAt suggestions { seq text } handlingUnits { name role }
  replies { suggestionSeq unit outcome text repliedAt } evaluations { by rating comment evaluatedAt }`;

type Page = {
  proposals: {
    edges: { node: { id: string } & Record<string, unknown> }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

/**
 * Every proposal of `owner` as the node at `url` answers for it through GraphQL, read by
 * that node's own staff: at the owner its records, at an upper node its replicas.
 */
export async function proposalsSeenAt(url: string, node: string, owner: string) {
  const headers = {
    'content-type': 'application/json',
    ...(await identityHeaders({ region: node })),
  };
  const query = `query($after: String) { proposals(region: "${owner}", first: 100, after: $after) {
    edges { node { ${proposalFields} } } pageInfo { hasNextPage endCursor } } }`;
  const all: Page['proposals']['edges'][number]['node'][] = [];
  let after: string | null = null;
  for (;;) {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables: { after } }),
    });
    const body = (await response.json()) as { data?: Page; errors?: { message: string }[] };
    if (!body.data) throw new Error(`${node}: ${body.errors?.[0]?.message ?? response.status}`);
    all.push(...body.data.proposals.edges.map((e) => e.node));
    if (!body.data.proposals.pageInfo.hasNextPage) return all;
    after = body.data.proposals.pageInfo.endCursor;
  }
}

export interface BusState {
  /** Events in the owner's outbox, and those not yet published. */
  events: number;
  unpublished: number;
  /** Sum of the owner's proposal versions, and of the replica's `_replica_version`s. */
  ownerVersions: number;
  replicaVersions: number;
  deadLetters: number;
}

/** The cheap figures polled while waiting: equal version sums mean every replica caught up. */
export async function busState(
  pool: pg.Pool,
  ownerSchema: string,
  replicaSchema: string,
  owner: string,
): Promise<BusState> {
  const { rows } = await pool.query<BusState>(
    `SELECT
       (SELECT count(*) FROM "${ownerSchema}"._outbox)::int AS events,
       (SELECT count(*) FROM "${ownerSchema}"._outbox WHERE published_at IS NULL)::int AS unpublished,
       (SELECT coalesce(sum(version), 0) FROM "${ownerSchema}".proposal WHERE region = $1)::int
         AS "ownerVersions",
       (SELECT coalesce(sum(version), 0) FROM "${replicaSchema}"._replica_version
         WHERE aggregate_type = 'proposal' AND origin_region = $1)::int AS "replicaVersions",
       (SELECT count(*) FROM "${replicaSchema}"._dead_letter)::int AS "deadLetters"`,
    [owner],
  );
  return rows[0] as BusState;
}

export const caughtUp = (state: BusState) =>
  state.unpublished === 0 && state.ownerVersions === state.replicaVersions;

export interface ReplicaVersion {
  id: string;
  version: number;
  eventId: string | null;
}

/**
 * Per proposal: the owner's version with the id of the event that produced it, and what
 * the replica's `_replica_version` holds. Equal lists: every replica stands at its owner's
 * latest version, reached by that very event.
 */
export async function replicaVersions(
  pool: pg.Pool,
  ownerSchema: string,
  replicaSchema: string,
  owner: string,
) {
  const [atOwner, atReplica] = await Promise.all([
    pool.query<ReplicaVersion>(
      `SELECT p.id::text AS id, p.version, o.event_id::text AS "eventId"
         FROM "${ownerSchema}".proposal p
         LEFT JOIN "${ownerSchema}"._outbox o
           ON o.envelope->'aggregate'->>'id' = p.id::text
          AND (o.envelope->'aggregate'->>'version')::int = p.version
        WHERE p.region = $1 ORDER BY p.id`,
      [owner],
    ),
    pool.query<ReplicaVersion>(
      `SELECT aggregate_id::text AS id, version, event_id::text AS "eventId"
         FROM "${replicaSchema}"._replica_version
        WHERE aggregate_type = 'proposal' AND origin_region = $1 ORDER BY aggregate_id`,
      [owner],
    ),
  ]);
  return { atOwner: atOwner.rows, atReplica: atReplica.rows };
}

/** Outbox rows that share an aggregate version: an owner that wrote one change twice. */
export async function duplicateOwnerEvents(pool: pg.Pool, ownerSchema: string) {
  const { rows } = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (
       SELECT 1 FROM "${ownerSchema}"._outbox
        GROUP BY envelope->'aggregate'->>'id', envelope->'aggregate'->>'version'
       HAVING count(*) > 1) d`,
  );
  return rows[0]?.n ?? 0;
}
