import { proposalQuery, proposalsQuery, queueQuery } from '../queries.js';
import { graphql } from './api.js';
import { el, link } from './dom.js';
import { label } from './labels.js';
import type { ViewState } from './overview.js';

interface ProposalRow {
  id: string;
  number: string | null;
  title: string;
  status: string;
  colour: string | null;
  category: string;
  submittedAt: string;
  deadline: string | null;
  region: { code: string; name: string };
  proposer: { name: string } | null;
  collectiveProposer: string | null;
}

const colourDot = (colour: string | null) =>
  colour
    ? el(
        'span',
        { class: `dot ${colour.toLowerCase()}`, title: `${label('Colour', colour)}色` },
        label('Colour', colour),
      )
    : el('span', { class: 'dot none' }, '—');

const proposalTable = (rows: ProposalRow[]) =>
  el(
    'table',
    { class: 'list', 'data-list': 'proposals' },
    el(
      'tr',
      {},
      ['编号', '标题', '提出者', '委员会', '状态', '三色', '期限'].map((h) => el('th', {}, h)),
    ),
    rows.map((r) =>
      el(
        'tr',
        { 'data-proposal': r.id },
        el('td', {}, r.number ?? '—'),
        el('td', {}, link(`/proposal/${r.id}`, r.title)),
        el('td', {}, r.proposer?.name ?? r.collectiveProposer ?? '—'),
        el('td', {}, r.region.name),
        el('td', {}, label('ProposalStatus', r.status)),
        el('td', {}, colourDot(r.colour)),
        el('td', {}, r.deadline ?? '—'),
      ),
    ),
  );

/** A region's proposals across its subtree, newest first, a page at a time. */
export async function proposalsView(
  state: ViewState,
  after?: string,
): Promise<(HTMLElement | null)[]> {
  const { data, errors } = await graphql<{
    proposals: {
      totalCount: number;
      edges: { node: ProposalRow }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  }>(proposalsQuery, { region: state.region, after: after ?? null });
  if (!data.proposals)
    return [el('p', { class: 'refusal' }, `无法显示：${errors[0]?.message ?? ''}`)];
  const { totalCount, edges, pageInfo } = data.proposals;
  return [
    el('h2', {}, `提案 ${totalCount} 件（含下级）`),
    proposalTable(edges.map((e) => e.node)),
    pageInfo.hasNextPage && pageInfo.endCursor
      ? link(`/proposals/${state.region}/${encodeURIComponent(pageInfo.endCursor)}`, '下一页 →')
      : null,
  ];
}

/** 黄红牌: yellow and red proposals and overdue opinion items of the subtree. */
export async function queueView(state: ViewState): Promise<HTMLElement[]> {
  const { data, errors } = await graphql<{
    proposalsByColour: { totalCount: number; edges: { node: ProposalRow }[] };
    opinionItems: {
      totalCount: number;
      edges: {
        node: {
          id: string;
          title: string;
          status: string;
          colour: string | null;
          deadline: string | null;
          region: { name: string };
        };
      }[];
    };
  }>(queueQuery, { region: state.region });
  const refused = (field: string) => errors.find((e) => e.field === field);
  return [
    el('h2', {}, `黄红牌提案 ${data.proposalsByColour?.totalCount ?? 0} 件`),
    data.proposalsByColour
      ? proposalTable(data.proposalsByColour.edges.map((e) => e.node))
      : el('p', { class: 'refusal' }, `无法显示：${refused('proposalsByColour')?.message ?? ''}`),
    el('h2', {}, `超期民情 ${data.opinionItems?.totalCount ?? 0} 件`),
    data.opinionItems
      ? el(
          'table',
          { class: 'list', 'data-list': 'opinions' },
          el(
            'tr',
            {},
            ['标题', '委员会', '状态', '三色', '期限'].map((h) => el('th', {}, h)),
          ),
          data.opinionItems.edges.map(({ node: r }) =>
            el(
              'tr',
              {},
              el('td', {}, r.title),
              el('td', {}, r.region.name),
              el('td', {}, r.status),
              el('td', {}, colourDot(r.colour)),
              el('td', {}, r.deadline ?? '—'),
            ),
          ),
        )
      : el('p', { class: 'refusal' }, `无法显示：${refused('opinionItems')?.message ?? ''}`),
  ];
}

interface ProposalRecord extends ProposalRow {
  term: number;
  session: number;
  body: string;
  keywords: string[];
  isKey: boolean;
  round: number;
  assignedAt: string | null;
  repliedAt: string | null;
  coProposers: { name: string }[];
  suggestions: { seq: number; text: string }[];
  handlingUnits: { name: string; role: string; suggestionSeqs: number[] }[];
  replies: {
    suggestionSeq: number;
    unit: string;
    round: number;
    outcome: string;
    text: string;
    repliedAt: string;
  }[];
  evaluations: { by: string; rating: string; comment: string | null; evaluatedAt: string }[];
  urges: { kind: string; by: string; note: string; at: string }[];
}

/** One proposal as its committee holds it (or as this node's replica does). */
export async function proposalView(id: string): Promise<HTMLElement[]> {
  const { data, errors } = await graphql<{ proposal: ProposalRecord | null }>(proposalQuery, {
    id,
  });
  const r = data.proposal;
  if (!r)
    return [
      el(
        'p',
        { class: 'refusal' },
        `无法显示：${errors[0]?.message ?? '没有这件提案，或无权查看'}`,
      ),
    ];
  const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '—');
  return [
    el(
      'article',
      { class: 'record', 'data-record': r.id },
      el('h2', {}, r.title),
      el(
        'p',
        { class: 'meta' },
        `${r.region.name} · 第${r.term}届第${r.session}次会议 · ${r.number ?? '未编号'} · ${label('ProposalCategory', r.category)} · ${label('ProposalStatus', r.status)}`,
        ' ',
        colourDot(r.colour),
        r.isKey ? el('span', { class: 'tag' }, '重点提案') : null,
      ),
      el(
        'p',
        {},
        `提出者：${r.proposer?.name ?? r.collectiveProposer ?? '—'}`,
        r.coProposers.length ? `；联名：${r.coProposers.map((x) => x.name).join('、')}` : '',
      ),
      el(
        'p',
        {},
        `提出 ${day(r.submittedAt)} · 交办 ${day(r.assignedAt)} · 期限 ${r.deadline ?? '—'} · 答复 ${day(r.repliedAt)}`,
      ),
      el('h3', {}, '案由'),
      el('p', { class: 'body' }, r.body),
      el('h3', {}, '建议'),
      el(
        'ol',
        {},
        r.suggestions.map((x) => el('li', {}, x.text)),
      ),
      el('h3', {}, '承办单位'),
      el(
        'ul',
        {},
        r.handlingUnits.map((u) => el('li', {}, `${u.name}（${label('HandlingRole', u.role)}）`)),
      ),
      r.replies.length > 0 && el('h3', {}, '答复'),
      el(
        'ul',
        {},
        r.replies.map((x) =>
          el(
            'li',
            {},
            `第${x.suggestionSeq}条 · ${x.unit} · ${label('ReplyOutcome', x.outcome)}：${x.text}`,
          ),
        ),
      ),
      r.urges.length > 0 && el('h3', {}, '催办督办'),
      el(
        'ul',
        {},
        r.urges.map((x) =>
          el('li', {}, `${day(x.at)} ${label('UrgeKind', x.kind)}（${x.by}）：${x.note}`),
        ),
      ),
      r.evaluations.length > 0 && el('h3', {}, '评价'),
      el(
        'ul',
        {},
        r.evaluations.map((x) =>
          el(
            'li',
            {},
            `${day(x.evaluatedAt)} ${label('Satisfaction', x.rating)}${x.comment ? `：${x.comment}` : ''}`,
          ),
        ),
      ),
    ),
  ];
}
