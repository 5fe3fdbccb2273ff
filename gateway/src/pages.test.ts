import { describe, expect, it } from 'vitest';
import { renderGraphiqlPage, renderIndexPage } from './pages.js';

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

describe('renderIndexPage', () => {
  it('links each node to its GraphiQL and names its endpoint', () => {
    const page = renderIndexPage([
      { code: '330500', name: '湖州市' },
      { code: '330503', name: '南浔区' },
    ]);
    expect(page).toContain('330500 湖州市: <a href="330500/graphiql">GraphiQL</a>');
    expect(page).toContain('<code>POST 330503/graphql</code>');
    expect(page).not.toMatch(externalUrl);
  });
});
