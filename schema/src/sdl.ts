import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The four subgraphs every node runs, in composition order. */
export const subgraphNames = ['members', 'proposals', 'consultations', 'joint-sessions'] as const;
export type SubgraphName = (typeof subgraphNames)[number];

const packageRoot = new URL('../', import.meta.url);

const read = (path: string) => readFileSync(new URL(path, packageRoot), 'utf8');

/** What every subgraph declares alike, written once in `sdl/shared/`. */
const sharedSdl = ['replication.graphql', 'period.graphql'];

/**
 * The checked-in SDL of one subgraph, with the types every subgraph declares alike
 * (`sdl/shared/`: the `@shareable` replication types, the statistics' PeriodInput).
 */
export function loadSubgraphSdl(name: SubgraphName): string {
  return [`sdl/${name}.graphql`, ...sharedSdl.map((file) => `sdl/shared/${file}`)]
    .map(read)
    .join('\n');
}

/** Path of the checked-in supergraph, the gateway's default. */
export const supergraphPath = fileURLToPath(new URL('supergraph.graphql', packageRoot));

/** Where the checked-in supergraph expects each subgraph in development. */
export const defaultSubgraphPorts: Record<SubgraphName, number> = {
  members: 4001,
  proposals: 4002,
  consultations: 4003,
  'joint-sessions': 4004,
};
