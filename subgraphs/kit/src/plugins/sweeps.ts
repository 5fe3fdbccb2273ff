import fp from 'fastify-plugin';
import type { DisconnectableClient } from '../database.js';
import { type Periodic, startPeriodic } from '../periodic.js';

/**
 * A job a subgraph runs periodically over each region it hosts, on that region's
 * database: the reminder scheduler's sweep. It answers how many records it changed, and
 * must be safe to run in several processes of one node at once (the database decides).
 */
export interface RegionSweep<C> {
  name: string;
  /**
   * Sweeps `region` once. A record that fails is handed to `report` and the sweep goes on
   * with the others, so one record can never hold back the rest; a failure of the whole
   * sweep (the database away) is thrown.
   */
  run(db: C, region: string, now: Date, report: (error: unknown) => void): Promise<number>;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The periodic sweeps of this app; `runNow()` sweeps at once (tests, operators). */
    sweeps: Periodic | null;
  }
}

export interface SweepsPluginOptions {
  sweeps: readonly RegionSweep<DisconnectableClient>[];
  everyMs: number;
  regions: string[];
}

/**
 * Runs the subgraph's sweeps every `everyMs` once the app is ready, each region after
 * the other, and stops them before the app closes, waiting for a sweep in flight (its
 * databases close after). A region whose sweep fails is logged and swept again next
 * time; one whose sweep changed records tells the change feed.
 */
export const sweepsPlugin = fp<SweepsPluginOptions>(
  async (app, options) => {
    app.decorate('sweeps', null);
    const sweepAll = async () => {
      for (const region of options.regions) {
        for (const sweep of options.sweeps) {
          try {
            const report = (err: unknown) =>
              app.log.error({ err, sweep: sweep.name, region }, 'sweep failed on a record');
            const changed = await sweep.run(app.databases.of(region), region, new Date(), report);
            if (changed > 0) app.changes.notify(region);
          } catch (err) {
            app.log.error({ err, sweep: sweep.name, region }, 'sweep failed');
          }
        }
      }
    };
    app.addHook('onReady', async () => {
      app.sweeps = startPeriodic(options.everyMs, sweepAll, (err) =>
        app.log.error({ err }, 'sweeps failed'),
      );
    });
    app.addHook('preClose', async () => {
      await app.sweeps?.stop();
    });
  },
  { name: 'huishang-sweeps', dependencies: ['huishang-databases'] },
);
