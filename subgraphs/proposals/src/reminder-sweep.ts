import { type RegionSweep, schemaName, VersionConflictError } from '@huishang/subgraph-kit';
import { findProposalDetail } from './data/proposals.js';
import { findReminderCandidates, recordProposalReminder } from './data/reminders.js';
import { planProposalReminder } from './domain/reminders.js';
import type { PrismaClient } from './generated/prisma/client.js';

/** Candidates read per statement. */
const pageSize = 200;
/**
 * Reminders one sweep records at most per region: a backlog (the scheduler switched on
 * over thousands of overdue records) goes out over several sweeps, not as one burst of
 * events.
 */
const maxRemindersPerSweep = 1_000;

/**
 * One sweep of a region's own proposals: each under handling that turned YELLOW or RED
 * since it was last reminded (for its deadline) is reminded once (`recordProposalReminder`).
 * Replicas are reminded by their owner's node, whose events bring the 催办 here. A proposal
 * changed while it was being reminded is left to the next sweep; one that fails otherwise
 * goes to `report` (by default thrown) and the sweep goes on. Answers how many it
 * reminded: nothing when another process of the node was first.
 */
export async function sweepProposalReminders(
  db: PrismaClient,
  region: string,
  now: Date,
  report: (error: unknown) => void = (error) => {
    throw error;
  },
): Promise<number> {
  const sink = { schema: schemaName('proposals', region), origin: region };
  let reminded = 0;
  let afterId: string | null = null;
  for (;;) {
    const candidates = await findReminderCandidates(
      db,
      sink.schema,
      region,
      now,
      afterId,
      pageSize,
    );
    for (const candidate of candidates) {
      const current = await findProposalDetail(db, candidate.id);
      const plan = current && planProposalReminder(current, candidate.lastReminded, now);
      if (!current?.deadline || !plan) continue;
      try {
        const id = await recordProposalReminder(
          db,
          sink,
          { ...current, deadline: current.deadline },
          plan,
          now,
        );
        if (id && ++reminded >= maxRemindersPerSweep) return reminded;
      } catch (error) {
        // changed meanwhile: the next sweep sees it as it is now
        if (!(error instanceof VersionConflictError)) report(error);
      }
    }
    if (candidates.length < pageSize) return reminded;
    afterId = candidates.at(-1)?.id ?? null;
  }
}

/** The proposals subgraph's reminder scheduler, run by the kit's sweeps plugin. */
export const proposalReminderSweep: RegionSweep<PrismaClient> = {
  name: 'proposal-reminders',
  run: sweepProposalReminders,
};
