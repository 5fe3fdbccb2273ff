import { type ApiError, type CallerInfo, followChanges, graphql, useToken, whoAmI } from './api.js';
import { disposeCharts } from './charts.js';
import { el, link } from './dom.js';
import { label } from './labels.js';
import { overviewView, type ViewState } from './overview.js';
import { proposalsView, proposalView, queueView } from './records.js';
import { forgetToken, settings, takeToken } from './settings.js';
import { tasksView, unreadTasks } from './tasks.js';

const app = document.getElementById('app') as HTMLElement;

/** Where the sign-in form puts a pasted token: the same place a URL's fragment does. */
function signIn(reason?: string): void {
  const input = el('textarea', { rows: '4', placeholder: 'eyJ…', 'aria-label': '令牌' });
  const form = el(
    'form',
    { class: 'sign-in' },
    el('h1', {}, `${settings.name}政协 · 驾驶舱`),
    reason ? el('p', { class: 'refusal', 'data-refusal': '' }, reason) : null,
    el('p', {}, '请粘贴工作人员令牌（npm run token -- --region <代码> --roles staff）。'),
    input,
    el('button', { type: 'submit' }, '登录'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = `token=${encodeURIComponent((input as HTMLTextAreaElement).value.trim())}`;
    location.reload();
  });
  app.replaceChildren(form);
}

const thisYear = new Date().getFullYear();

async function start(): Promise<void> {
  const token = takeToken();
  if (!token) return signIn();
  useToken(token);
  let caller: CallerInfo;
  try {
    caller = await whoAmI();
  } catch (error) {
    forgetToken();
    const { message, code } = error as ApiError;
    return signIn(`登录失败：${message}（${code}）`);
  }

  const { home } = caller;
  const state: ViewState = { region: home, mapFigure: 'proposals' };
  const liveMark = el('span', { class: 'live off', 'data-live': 'off' }, '○ 未连接');
  const updated = el('span', { class: 'updated', 'data-refreshes': '0' });
  const years = el(
    'select',
    { 'aria-label': '统计期间', 'data-period': '' },
    el('option', { value: '' }, '全部年度'),
    Array.from({ length: 5 }, (_, i) =>
      el('option', { value: String(thisYear - i) }, `${thisYear - i} 年`),
    ),
  ) as HTMLSelectElement;
  const crumbs = el('nav', { class: 'crumbs' });
  const inbox = link('/tasks', '我的待办');
  inbox.dataset.unread = '0';
  const main = el('main', {});
  app.replaceChildren(
    el(
      'header',
      { class: 'top' },
      el('h1', {}, `${settings.name}政协 · 驾驶舱`),
      crumbs,
      el(
        'div',
        { class: 'tools' },
        inbox,
        years,
        liveMark,
        updated,
        el(
          'span',
          { class: 'who' },
          `${caller.name} · ${caller.roles.map((r) => label('Role', r)).join('、')}`,
        ),
      ),
    ),
    main,
  );

  let refreshes = 0;
  let drawing: Promise<void> = Promise.resolve();
  const draw = () => {
    drawing = drawing.then(async () => {
      const route = location.hash.replace(/^#\/?/, '').split('/');
      const [view = 'overview', arg, extra] = route;
      if (arg && view !== 'proposal') state.region = arg;
      if (!arg && view === 'overview') state.region = home;
      await breadcrumbs(crumbs, state.region);
      let content: (HTMLElement | null)[];
      try {
        content =
          view === 'proposal' && arg
            ? await proposalView(arg)
            : view === 'proposals'
              ? await proposalsView(state, extra && decodeURIComponent(extra))
              : view === 'queue'
                ? await queueView(state)
                : view === 'tasks'
                  ? await tasksView(caller.region, draw)
                  : await overviewView(state, (to) => {
                      location.hash = to;
                    });
      } catch (error) {
        const { message, code } = error as ApiError;
        if (/^GATEWAY_(TOKEN_|INVALID_TOKEN|MISSING_TOKEN)/.test(code)) {
          forgetToken();
          return signIn(`登录已失效：${message}`);
        }
        content = [el('p', { class: 'refusal' }, `无法显示：${message}（${code}）`)];
      }
      disposeCharts();
      main.replaceChildren(...content.filter((x): x is HTMLElement => x !== null));
      main.dataset.view = view;
      main.dataset.region = state.region;
      const unread = await unreadTasks(caller.region).catch(() => 0);
      inbox.dataset.unread = String(unread);
      inbox.textContent = unread > 0 ? `我的待办（${unread}）` : '我的待办';
      refreshes += 1;
      updated.dataset.refreshes = String(refreshes);
      updated.textContent = `更新于 ${new Date().toLocaleTimeString('zh-CN', { hour12: false })}`;
    });
  };
  years.addEventListener('change', () => {
    state.year = years.value ? Number(years.value) : undefined;
    draw();
  });
  addEventListener('hashchange', draw);
  draw();
  followChanges(draw, (live) => {
    liveMark.dataset.live = live ? 'on' : 'off';
    liveMark.className = live ? 'live on' : 'live off';
    liveMark.textContent = live ? '● 实时' : '○ 未连接';
  });
}

const trails = new Map<string, { code: string; name: string }[]>();

/** The way from the node down to the region in scope, each step a link; asked once a region. */
async function breadcrumbs(nav: HTMLElement, region: string): Promise<void> {
  const chain = trails.get(region) ?? (await trail(region));
  // kept once the region named itself; a failed lookup is asked again next time
  if (chain.at(-1)?.code === region) trails.set(region, chain);
  nav.replaceChildren(
    ...chain.flatMap((r, i) => [i > 0 ? ' › ' : '', link(`/overview/${r.code}`, r.name)]),
  );
}

async function trail(region: string): Promise<{ code: string; name: string }[]> {
  const { data } = await graphql<{
    region: {
      code: string;
      name: string;
      parent: { code: string; name: string; parent: { code: string; name: string } | null } | null;
    } | null;
  }>(
    'query($code: ID!) { region(code: $code) { code name parent { code name parent { code name } } } }',
    { code: region },
  ).catch(() => ({ data: { region: null } }));
  const chain: { code: string; name: string }[] = [];
  for (
    let r: { code: string; name: string; parent?: unknown } | null | undefined = data.region;
    r;
    r = r.parent as typeof r
  ) {
    chain.unshift({ code: r.code, name: r.name });
    if (r.code === settings.node) break;
  }
  if (!chain.some((r) => r.code === settings.node))
    chain.unshift({ code: settings.node, name: settings.name });
  return chain;
}

void start();
