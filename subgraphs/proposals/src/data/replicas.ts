import { searchColumns } from '../domain/search-text.js';
import type { ProposalRows } from '../events/proposal-snapshot.js';
import type { Prisma } from '../generated/prisma/client.js';

/**
 * Stores a replica of a proposal owned below this node: the record with the owner's number
 * and version, and its child rows replacing whatever was there. The numbering counter is
 * left alone: 案号 are handed out by the owner only.
 */
export async function replaceProposal(tx: Prisma.TransactionClient, rows: ProposalRows) {
  const {
    suggestions,
    handlingUnits,
    replies,
    evaluations,
    crossTermVotes,
    reviews,
    leaders,
    urges,
    followUps,
    ...fields
  } = rows;
  // search tokens are not in the snapshot: the replica builds them as the owner does
  const record = { ...fields, ...searchColumns(fields) };
  const proposalId = record.id;
  await tx.proposal.upsert({ where: { id: proposalId }, create: record, update: record });
  // replies refer to suggestions and units, so they go first
  await tx.itemReply.deleteMany({ where: { proposalId } });
  await tx.crossTermVote.deleteMany({ where: { proposalId } });
  await tx.proposalEvaluation.deleteMany({ where: { proposalId } });
  await tx.handlingUnit.deleteMany({ where: { proposalId } });
  await tx.followUp.deleteMany({ where: { proposalId } });
  await tx.proposalSuggestion.deleteMany({ where: { proposalId } });
  await tx.proposalReview.deleteMany({ where: { proposalId } });
  await tx.keyProposalLeader.deleteMany({ where: { proposalId } });
  await tx.handlingUrge.deleteMany({ where: { proposalId } });
  const withProposal = <T>(children: T[]) => children.map((child) => ({ proposalId, ...child }));
  await tx.proposalSuggestion.createMany({ data: withProposal(suggestions) });
  await tx.handlingUnit.createMany({ data: withProposal(handlingUnits) });
  await tx.itemReply.createMany({ data: withProposal(replies) });
  await tx.proposalEvaluation.createMany({ data: withProposal(evaluations) });
  await tx.proposalReview.createMany({ data: withProposal(reviews) });
  await tx.keyProposalLeader.createMany({ data: withProposal(leaders) });
  await tx.handlingUrge.createMany({ data: withProposal(urges) });
  await tx.followUp.createMany({ data: withProposal(followUps) });
  await tx.crossTermVote.createMany({ data: withProposal(crossTermVotes) });
}
