import { describe, expect, it } from 'vitest';
import { renderDashboardPage, renderGraphiqlPage, renderIndexPage } from './pages.js';

const externalUrl = /https?:\/\//;

describe('renderGraphiqlPage', () => {
  const page = renderGraphiqlPage({ node: '330503', name: '南浔区', root: '../' });

  it('loads React and GraphiQL from the gateway itself, never a CDN', () => {
    expect(page).not.toMatch(externalUrl);
    for (const asset of [
      'react.production.min.js',
      'react-dom.production.min.js',
      'graphiql.min.js',
      'graphiql.min.css',
    ]) {
      expect(page).toContain(`"../assets/${asset}"`);
    }
  });

  it("points GraphiQL at the node's endpoint and names the node", () => {
    expect(page).toContain('"endpoint":"../330503/graphql"');
    expect(page).toContain('<title>南浔区 330503 · GraphiQL · 会商</title>');
  });

  it('takes a token from ?token= in the browser, not into the HTML', () => {
    expect(page).toContain("get('token')");
    expect(page).toContain("Authorization: 'Bearer ' + token");
  });

  it('escapes what it embeds', () => {
    const hostile = renderGraphiqlPage({ node: '1', name: '</script><b>', root: './' });
    expect(hostile).not.toContain('</script><b>');
  });
});

describe('renderDashboardPage', () => {
  const page = renderDashboardPage({
    node: '330000',
    name: '浙江省',
    root: '../',
  });

  it('loads the bundled app from the gateway itself and tells it the node', () => {
    expect(page).not.toMatch(externalUrl);
    expect(page).toContain('src="../dashboard/assets/app.js"');
    expect(page).toContain('href="../dashboard/assets/app.css"');
    expect(page).toContain('{"node":"330000","name":"浙江省","root":"../"}');
    expect(page).toContain('<title>浙江省政协 · 驾驶舱 · 会商</title>');
  });

  it('escapes what it embeds', () => {
    const hostile = renderDashboardPage({
      node: '1',
      name: '</script><b>',
      root: './',
    });
    expect(hostile).not.toContain('</script><b>');
  });
});

describe('renderIndexPage', () => {
  it('links each node to its dashboard and GraphiQL and names its endpoint', () => {
    const page = renderIndexPage([
      { code: '330500', name: '湖州市' },
      { code: '330503', name: '南浔区' },
    ]);
    expect(page).toContain(
      '330500 湖州市: <a href="330500/dashboard">驾驶舱</a> · <a href="330500/graphiql">GraphiQL</a>',
    );
    expect(page).toContain('<code>POST 330503/graphql</code>');
    expect(page).not.toMatch(externalUrl);
  });
});
