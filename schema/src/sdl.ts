import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The four subgraphs every node runs, in composition order. */
export const subgraphNames = ['members', 'proposals', 'consultations', 'joint-sessions'] as const;
export type SubgraphName = (typeof subgraphNames)[number];

const packageRoot = new URL('../', import.meta.url);

const read = (path: string) => readFileSync(new URL(path, packageRoot), 'utf8');

/**
 * The checked-in SDL of one subgraph, with the `@shareable` types every subgraph declares
 * alike (`sdl/shared/`), written once.
 */
export function loadSubgraphSdl(name: SubgraphName): string {
  return `${read(`sdl/${name}.graphql`)}\n${read('sdl/shared/replication.graphql')}`;
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
