import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { CompositionError } from './errors.js';
import { defaultSubgraphPorts, loadSubgraphSdl, type SubgraphName, subgraphNames } from './sdl.js';

export type SubgraphUrls = Record<SubgraphName, string>;

export const defaultSubgraphUrls: SubgraphUrls = Object.fromEntries(
  subgraphNames.map((name) => [name, `http://127.0.0.1:${defaultSubgraphPorts[name]}/graphql`]),
) as SubgraphUrls;

/** Composes the four subgraph SDLs into a supergraph SDL, or throws with every error. */
export function composeSupergraph(
  urls: SubgraphUrls = defaultSubgraphUrls,
  sdl: (name: SubgraphName) => string = loadSubgraphSdl,
): string {
  const result = composeServices(
    subgraphNames.map((name) => ({ name, url: urls[name], typeDefs: parse(sdl(name)) })),
  );
  if (result.errors) throw new CompositionError(result.errors.map((e) => e.message));
  return result.supergraphSdl;
}
