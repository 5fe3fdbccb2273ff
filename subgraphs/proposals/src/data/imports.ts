import { newAggregateId, type OutboxAddress } from '@huishang/subgraph-kit';
import { recordEvents } from '@huishang/subgraph-kit/bus';
import { yellowFromOf } from '../domain/colour.js';
import type { ImportedProposal } from '../domain/historical-import.js';
import { isHandling } from '../domain/proposal-lifecycle.js';
import { searchColumns } from '../domain/search-text.js';
import { InvalidImportError } from '../errors.js';
import { proposalEvent } from '../events/proposal-snapshot.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { findRules } from './lifecycle.js';
import { detail } from './proposals.js';

/**
 * Stores a validated batch of historical records in one transaction, each with its
 * `proposal.imported` event; a 案号 the region already has refuses the whole batch. The
 * session counters move past the imported numbers, so later registrations do not collide.
 */
export const importProposals = (
  db: PrismaClient,
  sink: OutboxAddress,
  region: string,
  records: ImportedProposal[],
) =>
  db.$transaction(
    async (tx) => {
      const numbered = records.flatMap((r, index) =>
        r.number === null ? [] : [{ index, term: r.term, session: r.session, number: r.number }],
      );
      const taken = await tx.proposal.findMany({
        where: {
          region,
          OR: numbered.map(({ term, session, number }) => ({ term, session, number })),
        },
        select: { term: true, session: true, number: true },
      });
      const clash = numbered.find((n) =>
        taken.some((t) => t.term === n.term && t.session === n.session && t.number === n.number),
      );
      if (clash)
        throw new InvalidImportError(
          clash.index,
          `案号已存在 / number ${clash.term}/${clash.session}/${clash.number} already exists`,
        );

      // records still under handling turn YELLOW as the committee's current rules say
      const { yellowWithinDays } = await findRules(tx, region);
      const ids = records.map(() => newAggregateId(sink.origin));
      const each = <T>(rows: (r: ImportedProposal, id: string) => T[]) =>
        records.flatMap((r, i) => rows(r, ids[i] as string));
      await tx.proposal.createMany({
        data: each((r, id) => [
          {
            id,
            region,
            number: r.number,
            term: r.term,
            session: r.session,
            title: r.title,
            body: r.body,
            keywords: r.keywords,
            category: r.category,
            status: r.status,
            proposerId: r.proposerId,
            coProposerIds: r.coProposerIds,
            collectiveProposer: r.collectiveProposer,
            isKey: r.isKey,
            deadline: r.deadline,
            yellowFrom:
              r.deadline && isHandling(r.status)
                ? yellowFromOf(r.deadline, yellowWithinDays)
                : null,
            submittedAt: r.submittedAt,
            registeredAt: r.registeredAt,
            assignedAt: r.assignedAt,
            repliedAt: r.repliedAt,
            crossTermOutcome: r.crossTermOutcome,
            crossTermSortedIn: r.crossTermSortedIn,
            ...searchColumns(r),
          },
        ]),
      });
      await tx.proposalSuggestion.createMany({
        data: each((r, proposalId) =>
          r.suggestions.map((text, i) => ({ proposalId, seq: i + 1, text })),
        ),
      });
      const seqs = (r: ImportedProposal) => r.suggestions.map((_, i) => i + 1);
      await tx.handlingUnit.createMany({
        data: each((r, proposalId) =>
          r.units.map((unit) => ({
            proposalId,
            ...unit,
            // the lead unit answers every item, as the earlier system recorded it
            suggestionSeqs: unit.role === 'LEAD' ? seqs(r) : [],
          })),
        ),
      });
      await tx.itemReply.createMany({
        data: each((r, proposalId) => {
          const lead = r.units.find((u) => u.role === 'LEAD')?.name as string;
          return r.itemReplies.map((reply, i) => ({
            proposalId,
            suggestionSeq: i + 1,
            unit: lead,
            repliedAt: r.repliedAt as Date,
            ...reply,
          }));
        }),
      });
      await tx.proposalEvaluation.createMany({
        data: each((r, proposalId) =>
          r.proposerRating === null
            ? []
            : [
                {
                  proposalId,
                  by: 'PROPOSER' as const,
                  rating: r.proposerRating,
                  evaluator: (r.proposerId ?? r.collectiveProposer) as string,
                  evaluatedAt: r.repliedAt as Date,
                },
              ],
        ),
      });
      const highest = new Map<string, { term: number; session: number; lastNumber: number }>();
      for (const { term, session, number } of numbered) {
        const key = `${term}/${session}`;
        const last = highest.get(key)?.lastNumber ?? 0;
        highest.set(key, { term, session, lastNumber: Math.max(last, number) });
      }
      for (const { term, session, lastNumber } of highest.values()) {
        const id = { region, term, session };
        const counter = await tx.proposalCounter.findUnique({ where: { region_term_session: id } });
        if (!counter) await tx.proposalCounter.create({ data: { ...id, lastNumber } });
        else if (counter.lastNumber < lastNumber)
          await tx.proposalCounter.update({
            where: { region_term_session: id },
            data: { lastNumber },
          });
      }
      const stored = await tx.proposal.findMany({ where: { id: { in: ids } }, include: detail });
      // events in the batch's order, so replicas see the records as the earlier system listed them
      const order = new Map(ids.map((id, i) => [id, i]));
      stored.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
      await recordEvents(
        tx,
        sink,
        stored.map((proposal) => proposalEvent('imported', proposal)),
      );
      return stored;
    },
    { timeout: 120_000 },
  );
