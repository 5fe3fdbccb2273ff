import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The four subgraphs every node runs, in composition order. */
export const subgraphNames = ['members', 'proposals', 'consultations', 'joint-sessions'] as const;
export type SubgraphName = (typeof subgraphNames)[number];

const packageRoot = new URL('../', import.meta.url);

const read = (path: string) => readFileSync(new URL(path, packageRoot), 'utf8');

/** What every subgraph declares alike, written once in `sdl/shared/`. */
const sharedSdl = ['replication.graphql', 'period.graphql'];

/** What only some subgraphs declare alike, written once in `sdl/shared/` too. */
const sharedBySome: Partial<Record<SubgraphName, string[]>> = {
  // the reminder scheduler's inbox (Task), in the subgraphs that remind
  proposals: ['task.graphql'],
  consultations: ['task.graphql'],
};

/**
 * The checked-in SDL of one subgraph, with the types it declares alike with others
 * (`sdl/shared/`: the `@shareable` replication types, the statistics' PeriodInput, and
 * where it reminds, the inbox's Task types).
 */
export function loadSubgraphSdl(name: SubgraphName): string {
  const shared = [...sharedSdl, ...(sharedBySome[name] ?? [])];
  return [`sdl/${name}.graphql`, ...shared.map((file) => `sdl/shared/${file}`)]
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
