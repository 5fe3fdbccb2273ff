// Regenerates schema/supergraph.graphql from the subgraph SDLs: `npm run compose`.
import { writeFileSync } from 'node:fs';
import { composeSupergraph } from '../compose.js';
import { supergraphPath } from '../sdl.js';

writeFileSync(supergraphPath, composeSupergraph());
console.log(`wrote ${supergraphPath}`);
