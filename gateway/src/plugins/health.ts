import type { FastifyPluginAsync } from 'fastify';
import { unhealthySubgraphs } from '../readiness.js';

export interface HealthPluginOptions {
  nodes: string[];
  /** Subgraph name → URL, as the loaded supergraph (and overrides) give them. */
  subgraphs: ReadonlyMap<string, string>;
}

/** `/health`: the process runs. `/ready`: the supergraph is loaded and every subgraph is alive. */
export const healthPlugin: FastifyPluginAsync<HealthPluginOptions> = async (
  app,
  { nodes, subgraphs },
) => {
  app.get('/health', async () => ({ status: 'ok', nodes }));
  app.get('/ready', async (_request, reply) => {
    if (subgraphs.size === 0) {
      return reply.code(503).send({ status: 'supergraph not loaded', nodes });
    }
    const failed = await unhealthySubgraphs(subgraphs);
    if (Object.keys(failed).length > 0) {
      return reply.code(503).send({ status: 'subgraphs unavailable', nodes, failed });
    }
    return { status: 'ready', nodes, subgraphs: Object.fromEntries(subgraphs) };
  });
};
