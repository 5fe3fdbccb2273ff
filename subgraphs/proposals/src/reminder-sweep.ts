import { createReminderSweep } from '@huishang/subgraph-kit';
import { findProposalDetail } from './data/proposals.js';
import { proposalReminderScan, recordProposalReminder } from './data/reminders.js';
import { planProposalReminder } from './domain/reminders.js';
import type { PrismaClient } from './generated/prisma/client.js';

/**
 * The proposals subgraph's reminder scheduler, run by the kit's sweeps plugin: each
 * proposal under handling that turned YELLOW or RED since it was last reminded (for its
 * deadline) is reminded once (`recordProposalReminder`); one changed while it was being
 * reminded is left to the next sweep.
 */
export const proposalReminderSweep = createReminderSweep<PrismaClient>({
  name: 'proposal-reminders',
  records: [
    {
      scan: proposalReminderScan,
      async plan(db, sink, candidate, now) {
        const current = await findProposalDetail(db, candidate.id);
        const plan = current && planProposalReminder(current, candidate.lastReminded, now);
        if (!current?.deadline || !plan) return null;
        const record = { ...current, deadline: current.deadline };
        return () => recordProposalReminder(db, sink, record, plan, now);
      },
    },
  ],
});

/** One sweep of a region's own proposals; a failure of one record is thrown unless `report` takes it. */
export const sweepProposalReminders = proposalReminderSweep.run;
