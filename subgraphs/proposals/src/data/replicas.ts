import { prepareRecords, type RawSql } from '@huishang/subgraph-kit';
import { searchColumns } from '../domain/search-text.js';
import type { ProposalRows } from '../events/proposal-snapshot.js';

type ChildField = Exclude<
  { [K in keyof ProposalRows]: ProposalRows[K] extends unknown[] ? K : never }[keyof ProposalRows],
  'keywords' | 'coProposerIds'
>;

/** Each child list of a proposal and its table. */
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
 * Stores replicas of proposals owned below this node, all in the same three statements
 * whatever their number (`prepareRecords`): the records with the owner's numbers and
 * versions, their child rows replaced. The numbering counter is left alone: 案号 are
 * handed out by the owner only. The rows are built at once; the returned write runs them.
 */
export function prepareProposals(proposals: ProposalRows[]): {
  write(tx: RawSql): Promise<void>;
} {
  const fields = Object.keys(proposals[0] ?? {}).filter((field) => !(field in childTables));
  const records = proposals.map((rows) => {
    // picked, not copied and deleted from: a deleted key turns an object slow to read
    const record: Record<string, unknown> = {};
    for (const field of fields) record[field] = rows[field as keyof ProposalRows];
    // search tokens are not in the snapshot: the replica builds them as the owner does
    const { searchHead, searchBody } = searchColumns(rows);
    record.searchHead = searchHead;
    record.searchBody = searchBody;
    return record as { id: string };
  });
  return prepareRecords(
    'proposal',
    records,
    children.map(([field, table]) => ({
      table,
      column: 'proposal_id',
      rows: proposals.flatMap((p) =>
        (p[field] as object[]).map((child) => ({ proposalId: p.id, ...child })),
      ),
    })),
  );
}
