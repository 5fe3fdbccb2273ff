/**
 * 案号 as committees print them, from the term, the session and the sequence number
 * given at registration: term 10, session 3, number 15 → `第10届第3次会议第15号`.
 * Arabic numerals keep numbers sortable and searchable; null until registered.
 */
export function formatProposalNumber(proposal: {
  term: number;
  session: number;
  number: number | null;
}): string | null {
  if (proposal.number === null) return null;
  return `第${proposal.term}届第${proposal.session}次会议第${proposal.number}号`;
}
