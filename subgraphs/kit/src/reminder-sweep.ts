import { schemaOf } from './database.js';
import { VersionConflictError } from './errors.js';
import type { OutboxAddress } from './outbox-address.js';
import type { RegionSweep } from './plugins/sweeps.js';
import type { RawSql } from './raw-sql.js';
import {
  findReminderCandidates,
  type ReminderCandidate,
  type ReminderScan,
} from './reminder-store.js';

/** Candidates read per statement. */
const pageSize = 200;
/**
 * Reminders one sweep records at most per region: a backlog (the scheduler switched on
 * over thousands of overdue records) goes out over several sweeps, not as one burst of
 * events.
 */
const maxRemindersPerSweep = 1_000;

/** One kind of record a reminder sweep reads, and how one of them is reminded. */
export interface RemindedRecords<C> {
  /** Which of them are due at `now` (`findReminderCandidates`). */
  scan(now: Date): ReminderScan;
  /**
   * Loads a candidate and plans its reminder at `now` as the record is now: null when
   * none is due, else the write that records it in one transaction, answering the
   * reminder's id (null when another sweep was first).
   */
  plan(
    db: C,
    sink: OutboxAddress,
    candidate: ReminderCandidate,
    now: Date,
  ): Promise<(() => Promise<string | null>) | null>;
}

export interface ReminderSweepOptions<C> {
  name: string;
  /** Swept one kind after the other. */
  records: readonly RemindedRecords<C>[];
  /**
   * Whether a write's error means the record moved on while it was reminded, so the
   * next sweep sees it as it is then; a VersionConflictError always does.
   */
  movedOn?: (error: unknown) => boolean;
}

/** A reminder scheduler; `run`'s `report` throws by default (tests, operators). */
export interface ReminderSweep<C> extends RegionSweep<C> {
  run(db: C, region: string, now: Date, report?: (error: unknown) => void): Promise<number>;
}

/**
 * A subgraph's reminder scheduler, run by the sweeps plugin. One sweep of a region's own
 * records (replicas are reminded by their owner's node, whose events bring the 催办):
 * each that turned YELLOW or RED since it was last reminded (for its deadline) is
 * reminded once. A record that moved on while it was reminded is left to the next sweep;
 * one that fails otherwise goes to `report` and the sweep goes on. Answers how many it
 * reminded: nothing when another process of the node was first.
 */
export function createReminderSweep<C extends RawSql>(
  options: ReminderSweepOptions<C>,
): ReminderSweep<C> {
  const movedOn = (error: unknown) =>
    error instanceof VersionConflictError || (options.movedOn?.(error) ?? false);
  return {
    name: options.name,
    async run(
      db,
      region,
      now,
      report = (error) => {
        throw error;
      },
    ) {
      const sink: OutboxAddress = { schema: schemaOf(db), origin: region };
      let reminded = 0;
      for (const records of options.records) {
        const scan = records.scan(now);
        let afterId: string | null = null;
        for (;;) {
          const candidates = await findReminderCandidates(db, scan, region, afterId, pageSize);
          for (const candidate of candidates) {
            try {
              // a record that cannot even be planned is reported and passed, like one that fails
              const record = await records.plan(db, sink, candidate, now);
              if (record && (await record()) && ++reminded >= maxRemindersPerSweep) return reminded;
            } catch (error) {
              if (!movedOn(error)) report(error);
            }
          }
          if (candidates.length < pageSize) break;
          afterId = candidates.at(-1)?.id ?? null;
        }
      }
      return reminded;
    },
  };
}
