/**
 * The files GraphiQL needs, by name under /assets, and the package folder each is in:
 * served from node_modules, never a CDN, since these networks are often air-gapped.
 */
export const graphiqlAssets: Record<string, { pkg: string; folder: string }> = {
  'react.production.min.js': { pkg: 'react', folder: 'umd' },
  'react-dom.production.min.js': { pkg: 'react-dom', folder: 'umd' },
  'graphiql.min.js': { pkg: 'graphiql', folder: '.' },
  'graphiql.min.css': { pkg: 'graphiql', folder: '.' },
};

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** JSON inside a <script>: `<` escaped so no value can close the element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replaceAll('<', '\\u003c');

export interface GraphiqlPageOptions {
  node: string;
  /** The node's name, e.g. 南浔区. */
  name: string;
  /**
   * From the page to the gateway's root: '../' for /<node>/graphiql, './' for /graphiql.
   * Relative links keep the page working behind a proxy that mounts the gateway under a path.
   */
  root: string;
}

/**
 * GraphiQL for one node. The headers editor takes `Authorization: Bearer <token>`;
 * `?token=` fills it in, read by the browser so the token never enters the HTML.
 */
export function renderGraphiqlPage({ node, name, root }: GraphiqlPageOptions): string {
  const settings = {
    endpoint: `${root}${node}/graphql`,
    storage: `huishang-${node}`,
    query: `# 会商 huishang · ${node} ${name}\n{\n  region(code: "${node}") { code name level parent { code name } }\n}\n`,
  };
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${name} ${node} · GraphiQL · 会商`)}</title>
<link rel="stylesheet" href="${root}assets/graphiql.min.css">
<style>body { margin: 0; } #graphiql { height: 100vh; }</style>
</head>
<body>
<div id="graphiql">加载中… / loading…</div>
<script src="${root}assets/react.production.min.js"></script>
<script src="${root}assets/react-dom.production.min.js"></script>
<script src="${root}assets/graphiql.min.js"></script>
<script>
const settings = ${scriptJson(settings)};
const token = new URLSearchParams(location.search).get('token');
const props = {
  fetcher: GraphiQL.createFetcher({ url: new URL(settings.endpoint, location.href).href }),
  storage: GraphiQL.createLocalStorage({ namespace: settings.storage }),
  defaultQuery: settings.query,
  defaultEditorToolsVisibility: token ? 'headers' : true,
};
if (token) props.headers = JSON.stringify({ Authorization: 'Bearer ' + token }, null, 2);
ReactDOM.createRoot(document.getElementById('graphiql')).render(React.createElement(GraphiQL, props));
</script>
</body>
</html>
`;
}

export interface DashboardPageOptions {
  node: string;
  name: string;
  /** From the page to the gateway's root, as for GraphiQL. */
  root: string;
}

/**
 * The 驾驶舱 of one node: an empty page that loads the bundled app. The caller's token
 * comes in the URL's fragment (`#token=`), which browsers never send to a server.
 */
export function renderDashboardPage({ node, name, root }: DashboardPageOptions): string {
  const settings = { node, name, root };
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${name}政协 · 驾驶舱 · 会商`)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${root}dashboard/assets/app.css">
</head>
<body>
<div id="app">加载中…</div>
<script type="application/json" id="huishang-dashboard">${scriptJson(settings)}</script>
<script type="module" src="${root}dashboard/assets/app.js"></script>
</body>
</html>
`;
}

/** The gateway's front page: each node with its endpoint and GraphiQL. */
export function renderIndexPage(nodes: { code: string; name: string }[]): string {
  const items = nodes
    .map(({ code, name }) => {
      const label = escapeHtml(`${code} ${name}`);
      return `<li>${label}: <a href="${code}/dashboard">驾驶舱</a> · <a href="${code}/graphiql">GraphiQL</a> · <code>POST ${code}/graphql</code></li>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>会商 huishang gateway</title></head>
<body>
<h1>会商 huishang gateway</h1>
<p>本网关服务的节点 / nodes served here:</p>
<ul>
${items}
</ul>
<p><a href="health">health</a> · <a href="ready">ready</a></p>
</body>
</html>
`;
}
