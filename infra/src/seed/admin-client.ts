import type { Role } from '@huishang/schema';
import { createGraphqlClient } from '../graphql-client.js';
import { type HostedGateway, hostToken } from '../node-host.js';

/**
 * How the seed modules reach a committee: through its gateway endpoint with a token they
 * mint, and, for the historical imports, only into a committee that has none yet.
 */

/** A client for one committee's gateway endpoint, as `subject` with `roles` there. */
export async function clientAs(
  gatewayUrl: string,
  gateway: HostedGateway,
  identity: { subject: string; region: string; roles: Role[] },
) {
  const token = await hostToken(gateway, identity);
  return createGraphqlClient(`${gatewayUrl}/${identity.region}/graphql`, token);
}

/** A member as a consultation's participant list names one. */
export interface SeedMember {
  id: string;
  name: string;
}

export interface HistoryImport<R, M> {
  region: string;
  /** The list that must be empty for the import to run, e.g. `opinionItems(region: $region, first: 1)`. */
  existing: string;
  /** Only what `records` uses of each member: `id`, or `id name` to list participants. */
  memberFields: string;
  /** The records, given the committee's members (the first 100). */
  records: (members: M[]) => R[] | Promise<R[]>;
  /** The import mutation, taking `$records` (and `$region` if it needs it). */
  mutation: string;
  /** Records a call: within the mutation's limit and the gateway's 1 MB request limit. */
  batchSize: number;
}

/**
 * Imports a committee's historical records as its admin, in batches, when it is hosted
 * behind the gateway and has none yet. Returns whether it imported.
 */
export async function importHistory<R, M>(
  gatewayUrl: string,
  gateway: HostedGateway,
  spec: HistoryImport<R, M>,
): Promise<boolean> {
  const { region } = spec;
  if (!gateway.nodes.includes(region)) return false;
  const api = await clientAs(gatewayUrl, gateway, {
    subject: `seed-${region}`,
    region,
    roles: ['admin'],
  });
  const { existing, members } = await api.request<{
    existing: { totalCount: number };
    members: { edges: { node: M }[] };
  }>(
    `query($region: ID!) { existing: ${spec.existing} { totalCount }
      members(region: $region, first: 100) { edges { node { ${spec.memberFields} } } } }`,
    { region },
  );
  if (existing.totalCount > 0) return false;
  const records = await spec.records(members.edges.map((e) => e.node));
  for (let from = 0; from < records.length; from += spec.batchSize)
    await api.request(spec.mutation, {
      region,
      records: records.slice(from, from + spec.batchSize),
    });
  return true;
}
