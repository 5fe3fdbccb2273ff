import { randomUUID } from 'node:crypto';

/** A historical record in its final state, as importProposals takes it; override what a test needs. */
export function historicalRecord(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    term: 16,
    session: 1,
    number: 1,
    title: '关于推进农村生活污水治理设施长效运维的建议',
    body: '农村生活污水治理设施建成后缺乏专业运维，部分终端出水水质不稳定，群众反映强烈，需要建立长效机制。',
    keywords: ['农村污水', '长效运维'],
    category: 'AGRICULTURE_RURAL',
    status: 'EVALUATED',
    proposerId: randomUUID(),
    suggestions: ['建立县镇村三级运维责任清单', '引入第三方专业运维并开展考核'],
    submittedAt: '2021-01-10T09:00:00+08:00',
    registeredAt: '2021-01-20T09:00:00+08:00',
    assignedAt: '2021-02-01T09:00:00+08:00',
    repliedAt: '2021-04-17T09:00:00+08:00',
    deadline: '2021-05-01',
    units: [
      { name: '德清县生态环境局', role: 'LEAD' },
      { name: '德清县农业农村局', role: 'CO' },
    ],
    itemReplies: [
      { outcome: 'ADOPTED', text: '已建立县镇村三级运维责任清单。' },
      { outcome: 'PARTLY_ADOPTED', text: '已在三个镇试点第三方专业运维。' },
    ],
    proposerRating: 'SATISFIED',
    ...overrides,
  };
}

/** A record still under handling (assigned, no reply yet), due on `deadline`. */
export const handlingRecord = (deadline: string, overrides: Record<string, unknown> = {}) =>
  historicalRecord({
    status: 'ASSIGNED',
    deadline,
    repliedAt: null,
    itemReplies: [],
    proposerRating: null,
    ...overrides,
  });

export const importMutation = `mutation($region: ID!, $records: [ImportedProposalInput!]!) {
  importProposals(region: $region, records: $records) { count proposals { id number status } } }`;
