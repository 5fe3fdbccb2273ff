import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { unhealthySubgraphs } from '../readiness.js';

export interface HealthPluginOptions {
  nodes: string[];
  /** Subgraph name → URL, as the loaded supergraph (and overrides) give them. */
  subgraphs: ReadonlyMap<string, string>;
  /** Whether this request may see which subgraphs there are and where (else only the status). */
  showDetails: (request: FastifyRequest) => Promise<boolean>;
}

/** `/health`: the process runs. `/ready`: the supergraph is loaded and every subgraph is alive. */
export const healthPlugin: FastifyPluginAsync<HealthPluginOptions> = async (
  app,
  { nodes, subgraphs, showDetails },
) => {
  app.get('/health', async () => ({ status: 'ok', nodes }));
  app.get('/ready', async (request, reply) => {
    if (!(await showDetails(request))) {
      const ready =
        subgraphs.size > 0 && Object.keys(await unhealthySubgraphs(subgraphs)).length === 0;
      return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not ready' });
    }
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
