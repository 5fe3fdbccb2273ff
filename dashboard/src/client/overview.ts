import {
  activityQuery,
  countyFiguresQuery,
  coverageQuery,
  currentTermQuery,
  fieldQuery,
  overviewFields,
} from '../queries.js';
import { type Answer, graphql, graphqlFields } from './api.js';
import { barOption, chart, pieOption } from './charts.js';
import { el, kpi, link } from './dom.js';
import { byChinese, colourHex, decimal, label, percent } from './labels.js';
import { countyName, drawMap, loadMap, type MapFigure, mapFigures } from './map.js';

/** What every view is drawn for: the region in scope and the period chosen. */
export interface ViewState {
  region: string;
  /** A calendar year, or undefined for all time. */
  year?: number;
  mapFigure: MapFigure;
}

interface RegionRef {
  code: string;
  name: string;
  level: string;
}
type Counted<K extends string> = ({ count: number } & Record<K, string>)[];

interface ProposalFigures {
  region: RegionRef;
  total: number;
  byStatus: Counted<'status'>;
  byColour: Counted<'colour'>;
  averageHandlingDays: number | null;
  satisfactionRate: number | null;
}
interface Report<S> {
  total: S;
  byRegion: S[];
}
interface Overview {
  proposalStatistics: Report<ProposalFigures>;
  consultationStatistics: Report<{
    region: RegionRef;
    consultations: number;
    participants: number;
    suggestions: number;
    adoptedSuggestions: number;
    adoptionRate: number | null;
    byPlatform: Counted<'platform'>;
  }>;
  opinionIndex: Report<{
    committee: RegionRef;
    subtree: boolean;
    collected: number;
    dispatched: number;
    closed: number;
    closureRate: number | null;
    satisfactionRate: number | null;
    overdue: number;
    submitters: number;
    activity: number | null;
  }>;
  supervisionStatistics: Report<{
    region: RegionRef;
    total: number;
    byStatus: Counted<'status'>;
    byColour: Counted<'colour'>;
    overdue: number;
    reminders: number;
  }>;
  memberStatistics: Report<{
    region: RegionRef;
    total: number;
    bySector: Counted<'sector'>;
    byLevel: Counted<'level'>;
  }>;
  handlingUnitStatistics: {
    name: string;
    kind: string | null;
    parentName: string | null;
    inDirectory: boolean;
    assigned: number;
    replied: number;
    overdue: number;
    itemsAnswered: number;
    adoptionRate: number | null;
    rated: number;
    satisfactionRate: number | null;
    averageHandlingDays: number | null;
  }[];
  jointSessions: {
    totalCount: number;
    edges: {
      node: {
        id: string;
        title: string;
        kind: string;
        stage: string;
        heldOn: string | null;
        parties: { region: { code: string; name: string }; committee: string }[];
      };
    }[];
  };
}

const period = (state: ViewState) => (state.year ? { year: state.year } : null);
const sum = (counts: { count: number }[] | undefined) =>
  (counts ?? []).reduce((total, c) => total + c.count, 0);
/** Proposals under handling that show yellow or red. */
const warnings = (byColour: Counted<'colour'> | undefined) =>
  sum(byColour?.filter((c) => c.colour !== 'GREEN'));

/** A panel: its title, and either its body or what stopped it, said in its place. */
function panel(
  key: string,
  title: string,
  answer: Answer<Overview>,
  field: keyof Overview,
  body: (data: Overview) => (HTMLElement | null | false)[],
  actions: HTMLElement[] = [],
): HTMLElement {
  const error = answer.errors.find((e) => e.field === field);
  const data = answer.data[field];
  const content =
    error || !data
      ? [
          el(
            'p',
            { class: 'refusal' },
            `无法显示：${error?.message ?? '没有数据'}`,
            el('br'),
            el('code', {}, error?.code ?? ''),
          ),
        ]
      : body(answer.data as Overview).filter((x): x is HTMLElement => Boolean(x));
  return el(
    'section',
    { class: 'panel', 'data-panel': key, 'data-state': error || !data ? 'error' : 'ready' },
    el('header', {}, el('h2', {}, title), ...actions),
    ...content,
  );
}

const chartBox = (key: string, draw: (element: HTMLElement) => void, tall = false) => {
  const box = el('div', { class: tall ? 'chart tall' : 'chart', 'data-chart': key });
  requestAnimationFrame(() => draw(box));
  return box;
};

const colourSlices = (byColour: Counted<'colour'>) =>
  ['GREEN', 'YELLOW', 'RED'].map((colour) => ({
    name: `${label('Colour', colour)}色`,
    value: byColour.find((c) => c.colour === colour)?.count ?? 0,
    colour: colourHex[colour],
  }));

/** Regions of a report one level down, in registry order, without the asked region itself. */
const below = <S extends { region: RegionRef }>(report: Report<S>, region: string) =>
  report.byRegion.filter((r) => r.region.code !== region);

export type Navigate = (route: string) => void;

/** The overview of a region's subtree: every panel, the map, the links down. */
export async function overviewView(state: ViewState, go: Navigate): Promise<HTMLElement[]> {
  const answer = await graphqlFields<Overview>(overviewFields, fieldQuery, {
    region: state.region,
    period: period(state),
  });
  const p = answer.data.proposalStatistics;
  const c = answer.data.consultationStatistics;
  const o = answer.data.opinionIndex;
  const s = answer.data.supervisionStatistics;
  const m = answer.data.memberStatistics;
  const j = answer.data.jointSessions;
  const openSessions = j?.edges.filter((e) => e.node.stage !== 'CLOSED').length ?? 0;
  const scopeLevel = p?.total.region.level ?? m?.total.region.level;

  const kpis = el(
    'div',
    { class: 'kpis' },
    p && kpi('proposals-total', '提案总数', p.total.total),
    p && kpi('proposals-warnings', '黄红预警', warnings(p.total.byColour), 'warn'),
    p && kpi('proposals-days', '平均办理天数', decimal(p.total.averageHandlingDays)),
    p && kpi('proposals-satisfaction', '提案满意率', percent(p.total.satisfactionRate)),
    c && kpi('consultations-total', '协商活动', c.total.consultations),
    c && kpi('consultations-adoption', '建议采纳率', percent(c.total.adoptionRate)),
    o && kpi('opinions-closure', '民情办结率', percent(o.total.closureRate)),
    s && kpi('supervision-overdue', '督办超期', s.total.overdue, s.total.overdue ? 'warn' : ''),
    m && kpi('members-total', '委员', m.total.total),
    j && kpi('joint-open', '联动协商进行中', openSessions),
  );

  const drill = (code: string) => go(`/overview/${code}`);
  const proposals = panel(
    'proposals',
    '提案办理',
    answer,
    'proposalStatistics',
    (d) => {
      const t = d.proposalStatistics.total;
      return [
        chartBox('proposals-status', (box) => {
          const slices = t.byStatus
            .filter((x) => x.count > 0)
            .map((x) => ({ name: label('ProposalStatus', x.status), value: x.count }));
          chart(box, pieOption(slices));
        }),
        chartBox('proposals-colour', (box) => chart(box, pieOption(colourSlices(t.byColour)))),
        el(
          'p',
          { class: 'note' },
          `平均办理 ${decimal(t.averageHandlingDays)} 天 · 满意率 ${percent(t.satisfactionRate)}`,
        ),
      ];
    },
    [link(`/proposals/${state.region}`, '提案列表 →'), link(`/queue/${state.region}`, '黄红牌 →')],
  );

  const regions = panel('regions', '下级对比（点击下钻）', answer, 'proposalStatistics', (d) => {
    const rows = below(d.proposalStatistics, state.region);
    if (rows.length === 0) return [el('p', { class: 'note' }, '本级以下没有下一级委员会。')];
    return [
      chartBox(
        'regions-proposals',
        (box) => {
          const instance = chart(
            box,
            barOption(
              rows.map((r) => r.region.name),
              ['GREEN', 'YELLOW', 'RED']
                .map((colour) => ({
                  name: `${label('Colour', colour)}色`,
                  values: rows.map((r) => r.byColour.find((x) => x.colour === colour)?.count ?? 0),
                  colour: colourHex[colour],
                }))
                .concat({
                  name: '其他',
                  values: rows.map((r) => r.total - sum(r.byColour)),
                  colour: '#9aa7b8',
                }),
              true,
            ),
          );
          instance.on('click', (event) => {
            const row = rows[(event as { dataIndex: number }).dataIndex];
            if (row) drill(row.region.code);
          });
        },
        rows.length > 8,
      ),
      el(
        'ul',
        { class: 'drill' },
        rows.map((r) =>
          el('li', {}, link(`/overview/${r.region.code}`, r.region.name), ` ${r.total} 件`),
        ),
      ),
    ];
  });

  const mapPanel =
    scopeLevel === 'PROVINCE' || scopeLevel === 'CITY' ? mapView(state, answer, go) : null;

  const consultations = panel(
    'consultations',
    '协商议政',
    answer,
    'consultationStatistics',
    (d) => {
      const t = d.consultationStatistics.total;
      return [
        el(
          'p',
          { class: 'note' },
          `活动 ${t.consultations} 次 · 参加 ${t.participants} 人次 · 建议 ${t.suggestions} 条 · 采纳 ${t.adoptedSuggestions} 条（${percent(t.adoptionRate)}）`,
        ),
        chartBox('consultations-platform', (box) => {
          const rows = t.byPlatform.filter((x) => x.count > 0);
          chart(
            box,
            barOption(
              rows.map((x) => label('ConsultationPlatform', x.platform)),
              [{ name: '次数', values: rows.map((x) => x.count) }],
            ),
          );
        }),
      ];
    },
  );

  const opinions = panel('opinions', '社情民意 · 民情指数', answer, 'opinionIndex', (d) => {
    const t = d.opinionIndex.total;
    const rows = d.opinionIndex.byRegion.filter((r) => r.subtree);
    return [
      el(
        'div',
        { class: 'kpis small' },
        kpi('opinions-collected', '收集', t.collected),
        kpi('opinions-closed', '办结', t.closed),
        kpi('opinions-satisfaction', '满意率', percent(t.satisfactionRate)),
        kpi('opinions-overdue', '超期', t.overdue, t.overdue ? 'warn' : ''),
        kpi('opinions-activity', '委员活跃度', decimal(t.activity)),
      ),
      rows.length > 0 &&
        chartBox('opinions-closure', (box) =>
          chart(
            box,
            barOption(
              rows.map((r) => r.committee.name),
              [{ name: '收集', values: rows.map((r) => r.collected) }],
            ),
          ),
        ),
    ];
  });

  const supervision = panel('supervision', '民主监督', answer, 'supervisionStatistics', (d) => {
    const t = d.supervisionStatistics.total;
    return [
      el(
        'p',
        { class: 'note' },
        `督办任务 ${t.total} 件 · 超期 ${t.overdue} 件 · 催办 ${t.reminders} 次`,
      ),
      chartBox('supervision-status', (box) =>
        chart(
          box,
          barOption(
            t.byStatus.map((x) => label('SupervisionStatus', x.status)),
            [{ name: '件数', values: t.byStatus.map((x) => x.count) }],
          ),
        ),
      ),
      chartBox('supervision-colour', (box) => chart(box, pieOption(colourSlices(t.byColour)))),
    ];
  });

  const members = panel('members', '委员履职', answer, 'memberStatistics', (d) => {
    const t = d.memberStatistics.total;
    const sectors = t.bySector
      .toSorted((a, b) => b.count - a.count || byChinese(a.sector, b.sector))
      .slice(0, 10);
    const coverage = el('div', { class: 'coverage', 'data-coverage': state.region });
    if (scopeLevel === 'COUNTY') void drawCoverage(coverage, state.region);
    // scores count under each committee's own term and weights: one committee at a time
    const activity = el('div', { class: 'activity' });
    if (scopeLevel === 'COUNTY' || scopeLevel === 'CITY') void drawActivity(activity, state.region);
    return [
      el(
        'p',
        { class: 'note' },
        `委员 ${t.total} 人 · ${t.byLevel.map((x) => `${label('RegionLevel', x.level)} ${x.count}`).join(' · ')}`,
      ),
      chartBox('members-sector', (box) =>
        chart(
          box,
          barOption(
            sectors.map((x) => x.sector),
            [{ name: '人数', values: sectors.map((x) => x.count) }],
            true,
          ),
        ),
      ),
      coverage,
      activity,
    ];
  });

  const units = panel(
    'units',
    '承办单位办理（本级委员会）',
    answer,
    'handlingUnitStatistics',
    (d) => {
      const rows = d.handlingUnitStatistics.filter((u) => u.assigned > 0).slice(0, 12);
      if (rows.length === 0) return [el('p', { class: 'note' }, '本级委员会尚无交办的提案。')];
      return [
        el(
          'table',
          { 'data-list': 'units' },
          el(
            'tr',
            {},
            ['承办单位', '类别', '交办', '已答复', '超期', '采纳率', '满意率', '平均天数'].map(
              (h) => el('th', {}, h),
            ),
          ),
          rows.map((u) =>
            el(
              'tr',
              { class: u.overdue > 0 ? 'late' : '' },
              el('td', {}, u.parentName ? `${u.name}（${u.parentName}）` : u.name),
              el('td', {}, u.kind ? label('HandlingUnitKind', u.kind) : '名录外'),
              el('td', {}, u.assigned),
              el('td', {}, u.replied),
              el('td', {}, u.overdue),
              el('td', {}, percent(u.adoptionRate)),
              el('td', {}, percent(u.satisfactionRate)),
              el('td', {}, decimal(u.averageHandlingDays)),
            ),
          ),
        ),
      ];
    },
  );

  const joint = panel('joint', '联动协商', answer, 'jointSessions', (d) => {
    const rows = d.jointSessions.edges.map((e) => e.node);
    if (rows.length === 0) return [el('p', { class: 'note' }, '暂无联动协商。')];
    return [
      el(
        'table',
        {},
        el(
          'tr',
          {},
          el('th', {}, '名称'),
          el('th', {}, '类型'),
          el('th', {}, '阶段'),
          el('th', {}, '参与方'),
        ),
        rows.map((r) =>
          el(
            'tr',
            { class: r.stage === 'CLOSED' ? 'done' : 'open' },
            el('td', {}, r.title),
            el('td', {}, label('JointSessionKind', r.kind)),
            el('td', {}, label('JointStage', r.stage)),
            el('td', {}, r.parties.map((x) => x.region.name).join('、')),
          ),
        ),
      ),
    ];
  });

  return [
    kpis,
    el(
      'div',
      { class: 'grid' },
      proposals,
      regions,
      mapPanel,
      consultations,
      opinions,
      supervision,
      members,
      units,
      joint,
    ),
  ];
}

async function drawCoverage(box: HTMLElement, region: string) {
  const { data, errors } = await graphql<{
    villageCoverage: { total: number; covered: number };
  }>(coverageQuery, { region });
  box.replaceChildren(
    data.villageCoverage
      ? el(
          'p',
          { class: 'note', 'data-kpi': 'members-coverage' },
          `一村一委员：${data.villageCoverage.covered} / ${data.villageCoverage.total} 个村（社区）已联系委员`,
        )
      : el('p', { class: 'refusal' }, `一村一委员无法显示：${errors[0]?.message ?? ''}`),
  );
}

async function drawActivity(box: HTMLElement, region: string) {
  const terms = (
    await graphql<{ members: { edges: { node: { term: number } }[] } }>(currentTermQuery, {
      region,
    })
  ).data.members?.edges.map((e) => e.node.term);
  if (!terms?.length) return;
  const term = Math.max(...terms);
  const { data, errors } = await graphql<{
    memberActivity: {
      total: {
        members: number;
        active: number;
        coverage: number | null;
        averageScore: number | null;
        medianScore: number | null;
        byKind: Counted<'kind'>;
      };
    };
  }>(activityQuery, { region, term });
  const t = data.memberActivity?.total;
  box.replaceChildren(
    t
      ? el(
          'p',
          { class: 'note', 'data-kpi': 'members-activity' },
          `第${term}届履职：${t.active} / ${t.members} 人有履职记录（${percent(t.coverage)}），积分均值 ${decimal(t.averageScore)}、中位 ${decimal(t.medianScore)}；${t.byKind.map((k) => `${label('DutyKind', k.kind)} ${k.count}`).join(' · ')}`,
        )
      : el('p', { class: 'refusal' }, `履职情况无法显示：${errors[0]?.message ?? ''}`),
  );
}

interface CountyFigures {
  [alias: string]: {
    byRegion: {
      region?: { code: string };
      committee?: { code: string };
      total?: number;
      byColour?: Counted<'colour'>;
      satisfactionRate?: number | null;
      adoptionRate?: number | null;
      closureRate?: number | null;
    }[];
  };
}

/** The map of the province or city in scope, coloured county by county. */
function mapView(state: ViewState, overview: Answer<Overview>, go: Navigate): HTMLElement {
  const select = el(
    'select',
    { 'aria-label': '地图指标', 'data-map-figure': '' },
    Object.entries(mapFigures).map(([key, { name }]) => {
      const option = el('option', { value: key }, name) as HTMLOptionElement;
      option.selected = key === state.mapFigure;
      return option;
    }),
  ) as HTMLSelectElement;
  const box = el('div', { class: 'chart map', 'data-chart': 'map' });
  const note = el('p', { class: 'note' });
  const section = el(
    'section',
    { class: 'panel wide', 'data-panel': 'map', 'data-state': 'loading' },
    el('header', {}, el('h2', {}, '全域一张图'), select),
    box,
    note,
  );
  select.addEventListener('change', () => {
    state.mapFigure = select.value as MapFigure;
    void paint();
  });
  let figures: CountyFigures | undefined;
  let instance: ReturnType<typeof chart> | undefined;
  const paint = async () => {
    const level = overview.data.proposalStatistics?.total.region.level;
    const missing = await loadMap(state.region);
    if (!missing) {
      section.dataset.state = 'error';
      box.replaceChildren(el('p', { class: 'refusal' }, '本区划没有可用的县级边界图。'));
      return;
    }
    if (!figures) {
      const cities =
        level === 'PROVINCE'
          ? below(overview.data.proposalStatistics as Report<ProposalFigures>, state.region).map(
              (r) => r.region.code,
            )
          : [state.region];
      const answer = await graphql<CountyFigures>(countyFiguresQuery(cities), {
        period: period(state),
      });
      figures = answer.data as CountyFigures;
    }
    const values = countyValues(figures, state.mapFigure);
    section.dataset.state = 'ready';
    if (missing.length > 0)
      note.textContent = `地图未含 ${missing.map((c) => c.name).join('、')}：边界数据早于区划调整。`;
    instance ??= chart(box, {});
    drawMap(instance, state.region, state.mapFigure, values, (county) => go(`/overview/${county}`));
  };
  requestAnimationFrame(() => void paint());
  return section;
}

/** Each county's value of `figure` from the cities' reports (the county entries only). */
function countyValues(figures: CountyFigures, figure: MapFigure) {
  const values = new Map<string, { name: string; value: number | null }>();
  for (const [alias, report] of Object.entries(figures)) {
    const kind = alias[0];
    for (const row of report.byRegion) {
      const code = row.region?.code ?? row.committee?.code ?? '';
      if (code.endsWith('00')) continue; // the city's own committee, not a county
      const value =
        kind === 'p' && figure === 'proposals'
          ? (row.total ?? 0)
          : kind === 'p' && figure === 'warnings'
            ? warnings(row.byColour)
            : kind === 'p' && figure === 'satisfaction'
              ? (row.satisfactionRate ?? null)
              : kind === 'c' && figure === 'adoption'
                ? (row.adoptionRate ?? null)
                : kind === 'o' && figure === 'closure'
                  ? (row.closureRate ?? null)
                  : undefined;
      if (value !== undefined) values.set(code, { name: countyName(code), value });
    }
  }
  return values;
}
