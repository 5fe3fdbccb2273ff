import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { hostToken, type NodeHost, seedProvince } from '@huishang/infra';
import type { Role } from '@huishang/schema';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BusTestbed, gatewayClient, startBusTestbed, until } from '../support/hosts.js';
import { submitProposalAt } from '../support/proposals.js';

// The province's 驾驶舱 in Debian's Chromium, over a province of its own on the bus: the
// province, Huzhou with Nanxun and Deqing, Jiaxing with Pinghu, and Suzhou/Wujiang for the
// 浔吴 joint session; seeded as `npm run demo:province` seeds (seedProvince).
const regions = ['330000', '330500', '330503', '330521', '330400', '330482', '320500', '320509'];
const zhejiangCounties = ['330503', '330521', '330482'];
const chromiumPath = '/usr/bin/chromium';
const artefacts = fileURLToPath(new URL('./artefacts/', import.meta.url));

/** What the callbacks run in the page touch of it: this package has Node's types, not the DOM's. */
interface PageElement {
  dataset: Record<string, string | undefined>;
  textContent: string | null;
  querySelector(selector: string): PageElement | null;
}
declare const document: {
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
};
declare const window: { stayed?: boolean };
declare const location: { hash: string };

let testbed: BusTestbed;
let host: NodeHost;
let browser: Browser;

/** What Chromium needs here, said as the fix when missing (never skipped). */
function requireBrowser() {
  if (!existsSync(chromiumPath))
    throw new Error(
      `no Chromium at ${chromiumPath}: apt-get install chromium fonts-noto-cjk (.ci/run installs them)`,
    );
  const fonts = execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  if (!/Noto Sans CJK/i.test(fonts))
    throw new Error('no Chinese glyphs: apt-get install fonts-noto-cjk (.ci/run installs it)');
}

const tokenFor = (region: string, roles: Role[], node = region) =>
  hostToken(host.gateway, {
    subject: `browser-${region}-${roles[0]}`,
    region,
    roles,
    nodes: [node],
  });

/** A page with the console watched: every error it logs fails the test that opened it. */
async function open(url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1800 }, locale: 'zh-CN' });
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  return { page, errors };
}

/** Waits until no panel is loading; says what the page shows when that never comes. */
const panelsReady = async (page: Page) => {
  try {
    await page.waitForFunction(
      () => {
        const panels = [...document.querySelectorAll('[data-panel]')];
        return panels.length > 0 && panels.every((p) => p.dataset.state !== 'loading');
      },
      undefined,
      { timeout: 20_000 },
    );
  } catch (error) {
    const shown = await page.locator('body').textContent();
    throw new Error(`the panels did not paint; the page shows: ${shown?.slice(0, 2_000)}`, {
      cause: error,
    });
  }
};

const panelStates = (page: Page) =>
  page.$$eval('[data-panel]', (panels) =>
    Object.fromEntries(
      panels.map((p) => [
        (p as unknown as PageElement).dataset.panel,
        (p as unknown as PageElement).dataset.state,
      ]),
    ),
  );

const kpiText = (page: Page, key: string) =>
  page.locator(`[data-kpi="${key}"] .kpi-value`).textContent();

/** How many proposals a node counts for a region's subtree (in a year), as its staff read it. */
async function provinceCount(region = '330000', year?: number): Promise<number> {
  const staff = await gatewayClient(host, region);
  const { proposalStatistics } = await staff.request<{
    proposalStatistics: { total: { total: number } };
  }>(
    'query($r: ID!, $p: PeriodInput) { proposalStatistics(region: $r, period: $p) { total { total } } }',
    {
      r: region,
      p: year ? { year } : null,
    },
  );
  return proposalStatistics.total.total;
}

beforeAll(async () => {
  requireBrowser();
  mkdirSync(artefacts, { recursive: true });
  testbed = await startBusTestbed('dashboard_e2e', regions);
  // the reminder schedulers sweep every two seconds, so their reminders arrive in the test
  host = await testbed.startHost(regions, { poolSize: 10, reminderSweepMs: 2_000 });
  await seedProvince(host.gatewayUrl, host.gateway, { concurrency: 3 });
  // the province holds every county's proposals before the browser looks
  let own = 0;
  for (const county of zhejiangCounties) {
    const staff = await gatewayClient(host, county);
    const { proposals } = await staff.request<{ proposals: { totalCount: number } }>(
      'query($r: ID!) { proposals(region: $r) { totalCount } }',
      { r: county },
    );
    own += proposals.totalCount;
  }
  const cityOwn = await Promise.all(
    ['330000', '330500', '330400'].map(async (r) => {
      const staff = await gatewayClient(host, r);
      const { proposals } = await staff.request<{ proposals: { totalCount: number } }>(
        'query($r: ID!) { proposals(region: $r) { totalCount } }',
        { r },
      );
      return proposals.totalCount;
    }),
  );
  const expected = own + cityOwn.reduce((a, b) => a + b, 0);
  await until(
    () => provinceCount(),
    (n) => n === expected,
    120_000,
  );
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await testbed?.close();
});

describe('the province dashboard in Chromium', () => {
  it('paints every panel with the province figures, and the map, in Chinese', async () => {
    const { page, errors } = await open(
      `${host.gatewayUrl}/330000/dashboard#token=${await tokenFor('330000', ['staff'])}`,
    );
    await panelsReady(page);
    await page.waitForSelector('[data-panel="map"][data-state="ready"] canvas');
    expect(await page.title()).toBe('浙江省政协 · 驾驶舱 · 会商');
    // the token left the address bar as soon as the page read it
    expect(page.url()).not.toContain('token=');
    expect(await panelStates(page)).toEqual({
      proposals: 'ready',
      regions: 'ready',
      map: 'ready',
      consultations: 'ready',
      opinions: 'ready',
      supervision: 'ready',
      members: 'ready',
      units: 'ready',
      joint: 'ready',
    });
    expect(Number(await kpiText(page, 'proposals-total'))).toBe(await provinceCount());
    expect(Number(await kpiText(page, 'proposals-warnings'))).toBeGreaterThan(0);
    expect(Number(await kpiText(page, 'consultations-total'))).toBeGreaterThan(0);
    expect(Number(await kpiText(page, 'members-total'))).toBeGreaterThan(0);
    // each chart drew on its canvas
    const charts = await page.$$eval('[data-chart]', (boxes) =>
      boxes.map((b) => [
        (b as unknown as PageElement).dataset.chart,
        b.querySelector('canvas') !== null,
      ]),
    );
    expect(charts.length).toBeGreaterThanOrEqual(8);
    expect(charts.filter(([, drawn]) => !drawn)).toEqual([]);
    expect(await page.locator('[data-panel="regions"] ul.drill').textContent()).toContain('湖州市');
    expect(await page.locator('[data-panel="joint"]').textContent()).toContain('三级会商');
    expect(await page.locator('[data-panel="map"]').textContent()).toContain('地图未含');
    await page.screenshot({ path: `${artefacts}province.png`, fullPage: true });
    // a year chosen: the figures of the proposals submitted in it
    const year = new Date().getFullYear();
    const refreshes = await page.locator('[data-refreshes]').getAttribute('data-refreshes');
    await page.selectOption('[data-period]', String(year));
    await page.waitForFunction(
      (before) => document.querySelector('[data-refreshes]')?.dataset.refreshes !== before,
      refreshes,
    );
    await panelsReady(page);
    const inYear = await provinceCount('330000', year);
    expect(inYear).toBeLessThan(await provinceCount());
    expect(Number(await kpiText(page, 'proposals-total'))).toBe(inYear);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('drills down from the province to a city, a county, its list and one proposal', async () => {
    const { page, errors } = await open(
      `${host.gatewayUrl}/330000/dashboard#token=${await tokenFor('330000', ['staff'])}`,
    );
    await panelsReady(page);
    await page.locator('[data-panel="regions"] ul.drill a', { hasText: '湖州市' }).click();
    await page.waitForSelector('main[data-region="330500"]');
    await panelsReady(page);
    expect(await page.locator('nav.crumbs').textContent()).toContain('浙江省 › 湖州市');
    await page.locator('[data-panel="regions"] ul.drill a', { hasText: '南浔区' }).click();
    await page.waitForSelector('main[data-region="330503"]');
    await panelsReady(page);
    expect(Number(await kpiText(page, 'proposals-total'))).toBe(await provinceCount('330503'));
    expect(await page.locator('[data-kpi="members-coverage"]').textContent()).toContain(
      '一村一委员',
    );
    await page.locator('[data-panel="proposals"] a', { hasText: '提案列表' }).click();
    await page.waitForSelector('main[data-view="proposals"] [data-proposal]');
    const first = page.locator('[data-list="proposals"] [data-proposal] a').first();
    const title = await first.textContent();
    await first.click();
    await page.waitForSelector('main[data-view="proposal"] [data-record]');
    expect(await page.locator('[data-record] h2').textContent()).toBe(title);
    expect(await page.locator('[data-record]').textContent()).toContain('南浔区');
    await page.screenshot({ path: `${artefacts}proposal.png`, fullPage: true });
    // the yellow and red queue, one click from the overview
    await page.goBack();
    await page.goBack();
    await panelsReady(page);
    await page.locator('[data-panel="proposals"] a', { hasText: '黄红牌' }).click();
    await page.waitForSelector('main[data-view="queue"] [data-list="proposals"]');
    const colours = await page.$$eval('[data-list="proposals"] .dot', (dots) =>
      dots.map((d) => d.textContent),
    );
    expect(colours.length).toBeGreaterThan(0);
    expect(colours.every((c) => c === '黄' || c === '红')).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a county write at the open province dashboard without a reload', async () => {
    const { page, errors } = await open(
      `${host.gatewayUrl}/330000/dashboard#token=${await tokenFor('330000', ['staff'])}`,
    );
    await panelsReady(page);
    await page.waitForSelector('[data-live="on"]');
    const before = Number(await kpiText(page, 'proposals-total'));
    await page.evaluate(() => {
      window.stayed = true;
    });
    await submitProposalAt(
      await gatewayClient(host, '330503'),
      '330503',
      '关于浔吴毗邻村联合开展河湖巡查的建议',
    );
    await until(
      () => provinceCount(),
      (n) => n === before + 1,
      30_000,
    );
    const applied = Date.now();
    await page.waitForFunction(
      (expected) =>
        document.querySelector('[data-kpi="proposals-total"] .kpi-value')?.textContent === expected,
      String(before + 1),
      { timeout: 30_000 },
    );
    console.log(
      `dashboard showed the county's write ${Date.now() - applied} ms after the province applied it`,
    );
    expect(await page.evaluate(() => window.stayed)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("lets a reader of one county see nothing of another's", async () => {
    const { page, errors } = await open(
      `${host.gatewayUrl}/330000/dashboard#token=${await tokenFor('330503', ['reader'], '330000')}`,
    );
    await panelsReady(page);
    // it starts at the reader's own county
    await page.waitForSelector('main[data-region="330503"]');
    expect(await panelStates(page)).toMatchObject({ proposals: 'ready' });
    await page.evaluate(() => {
      location.hash = '/overview/330521';
    });
    await page.waitForSelector('main[data-region="330521"]');
    await panelsReady(page);
    const states = await panelStates(page);
    expect(Object.values(states).every((s) => s === 'error')).toBe(true);
    expect(await page.locator('[data-kpi]').count()).toBe(0);
    await page.screenshot({ path: `${artefacts}reader-refused.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('asks for a token, and says why one is refused', async () => {
    const { page } = await open(`${host.gatewayUrl}/330000/dashboard`);
    await page.waitForSelector('form.sign-in textarea');
    expect(await page.locator('form.sign-in').textContent()).toContain('请粘贴工作人员令牌');
    // a token of another node is refused by the gateway, said with its code
    await page.goto(
      `${host.gatewayUrl}/330000/dashboard#token=${await tokenFor('330503', ['staff'])}`,
    );
    await page.reload();
    await page.waitForSelector('[data-refusal]');
    expect(await page.locator('[data-refusal]').textContent()).toContain(
      'GATEWAY_TOKEN_WRONG_NODE',
    );
    await page.close();
  });

  it("delivers the scheduler's reminders to the county staff's 我的待办, read once opened", async () => {
    const { page, errors } = await open(
      `${host.gatewayUrl}/330503/dashboard#token=${await tokenFor('330503', ['staff'])}`,
    );
    await panelsReady(page);
    // Nanxun's two proposals past the yellow line were reminded by its node, unasked
    await page.waitForFunction(
      () => document.querySelector('[data-unread]')?.dataset.unread !== '0',
      undefined,
      {
        timeout: 30_000,
      },
    );
    const unread = Number(await page.locator('[data-unread]').getAttribute('data-unread'));
    expect(unread).toBeGreaterThanOrEqual(2);
    await page.locator('[data-unread]').click();
    await page.waitForSelector('main[data-view="tasks"] [data-list="tasks"]');
    const tasks = page.locator('[data-list="tasks"] [data-task]');
    expect(await tasks.count()).toBe(unread);
    expect(await tasks.first().textContent()).toMatch(/提案《.+》/);
    expect(await page.locator('[data-list="tasks"] .dot').allTextContents()).toContain('黄');
    await page.locator('[data-mark-read]').first().click();
    await page.waitForFunction(
      (left) => document.querySelector('[data-unread]')?.dataset.unread === left,
      String(unread - 1),
    );
    expect(await page.locator('[data-list="tasks"] tr.done').count()).toBe(1);
    // a reader of the same county has no inbox
    const reader = await gatewayClient(host, '330503', ['reader']);
    const { myTasks } = await reader.request<{ myTasks: { totalCount: number } }>(
      '{ myTasks(region: "330503") { totalCount } }',
    );
    expect(myTasks.totalCount).toBe(0);
    await page.screenshot({ path: `${artefacts}tasks.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
