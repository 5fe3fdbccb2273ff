import { deleteRowsOf, insertRows, type RawSqlClient } from '@huishang/subgraph-kit';
import { searchColumns } from '../domain/search-text.js';
import type { ProposalRows } from '../events/proposal-snapshot.js';

type ChildField = Exclude<
  { [K in keyof ProposalRows]: ProposalRows[K] extends unknown[] ? K : never }[keyof ProposalRows],
  'keywords' | 'coProposerIds'
>;

/**
 * Each child list of a proposal and its table, in the order they are written: replies
 * refer to suggestions and units, follow-ups to suggestions, so those go first.
 */
const childTables: Record<ChildField, string> = {
  suggestions: 'proposal_suggestion',
  handlingUnits: 'handling_unit',
  replies: 'item_reply',
  evaluations: 'proposal_evaluation',
  reviews: 'proposal_review',
  leaders: 'key_proposal_leader',
  urges: 'handling_urge',
  followUps: 'follow_up',
  crossTermVotes: 'cross_term_vote',
};
const children = Object.entries(childTables) as [ChildField, string][];

/**
 * Stores replicas of proposals owned below this node, all in the same few statements
 * whatever their number: the records with the owner's numbers and versions in one upsert,
 * then each child table's rows of these proposals deleted and inserted anew (one
 * statement each). The numbering counter is left alone: 案号 are handed out by the owner
 * only.
 */
export async function replaceProposals(tx: RawSqlClient, proposals: ProposalRows[]) {
  const records = proposals.map((rows) => {
    const fields: Record<string, unknown> = { ...rows };
    for (const [field] of children) delete fields[field];
    // search tokens are not in the snapshot: the replica builds them as the owner does
    return { ...fields, ...searchColumns(rows) };
  });
  await insertRows(tx, 'proposal', records, { upsert: { key: ['id'] } });
  const ids = proposals.map((rows) => rows.id);
  // the referring rows first, as in the order of the foreign keys
  for (const [, table] of children.toReversed()) await deleteRowsOf(tx, table, 'proposal_id', ids);
  for (const [field, table] of children) {
    const rows = proposals.flatMap((p) =>
      (p[field] as object[]).map((child) => ({ proposalId: p.id, ...child })),
    );
    await insertRows(tx, table, rows);
  }
}
