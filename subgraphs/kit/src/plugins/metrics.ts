import type { AggregateType } from '@huishang/schema';
import fp from 'fastify-plugin';
import { busMetrics, metricsContentType } from '../bus/figures/metrics.js';
import {
  type SubgraphReplication,
  subgraphReplication,
} from '../bus/figures/replication-status.js';
import { schemaName } from '../database.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** This subgraph's replication figures for a hosted region (GraphQL `replicationStatus`). */
    replicationStatus(region: string): Promise<SubgraphReplication>;
  }
}

export interface MetricsPluginOptions {
  subgraph: string;
  regions: string[];
  /** The aggregates the subgraph replicates, if any. */
  aggregates: readonly AggregateType[];
}

/**
 * Makes the bus visible: `app.replicationStatus(region)` for GraphQL and `GET /metrics`
 * for Prometheus, both from the bus's stats (none without a bus) and the outbox backlog
 * counted in PostgreSQL, which is right whichever process relays the outbox, and also
 * when none does.
 */
export const metricsPlugin = fp<MetricsPluginOptions>(
  async (app, options) => {
    const { subgraph, regions, aggregates } = options;
    const busStats = async () => (app.hasDecorator('bus') ? app.bus.stats() : null);

    const countRows = async (region: string, table: string, where = 'true'): Promise<number> => {
      const { rows } = await app.pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "${schemaName(subgraph, region)}".${table} WHERE ${where}`,
      );
      return rows[0]?.n ?? 0;
    };
    const outboxBacklog = (region: string) => countRows(region, '_outbox', 'published_at IS NULL');
    // Everything parked: events, commands and answers that can never apply or were refused.
    const deadLetters = (region: string) => countRows(region, '_dead_letter');

    app.decorate('replicationStatus', async (region: string) => {
      const [stats, backlog, parked] = await Promise.all([
        busStats(),
        outboxBacklog(region),
        deadLetters(region),
      ]);
      return subgraphReplication({
        subgraph,
        region,
        aggregates,
        stats,
        outboxBacklog: backlog,
        deadLetters: parked,
      });
    });

    app.get('/metrics', async (_request, reply) => {
      const stats = await busStats();
      const outboxBacklogs: Record<string, number> = {};
      await Promise.all(
        regions.map(async (region) => {
          try {
            outboxBacklogs[region] = await outboxBacklog(region);
          } catch (error) {
            app.log.warn({ err: error, region }, 'could not count the outbox backlog');
          }
        }),
      );
      reply.type(metricsContentType);
      return busMetrics({ subgraph, regions, stats, outboxBacklogs });
    });
  },
  { name: 'huishang-metrics', dependencies: ['huishang-databases'] },
);
