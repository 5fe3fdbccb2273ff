import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import { getCommitteeRegion } from '@huishang/schema';
import type { FastifyPluginAsync } from 'fastify';
import { endpointPaths, pageNode } from '../nodes.js';
import { graphiqlAssets, renderGraphiqlPage, renderIndexPage } from '../pages.js';

const require = createRequire(import.meta.url);
const packageDir = (pkg: string) => dirname(require.resolve(`${pkg}/package.json`));

export interface GraphiqlPluginOptions {
  nodes: string[];
}

/** GraphiQL per node, its assets from local packages, and the front page listing the nodes. */
export const graphiqlPlugin: FastifyPluginAsync<GraphiqlPluginOptions> = async (app, { nodes }) => {
  const folders = new Map(
    Object.entries(graphiqlAssets).map(([file, { pkg, folder }]) => [
      file,
      join(packageDir(pkg), folder),
    ]),
  );
  // only the listed files are served, never whatever else lies in those folders
  await app.register(fastifyStatic, { root: [...new Set(folders.values())], serve: false });
  app.get<{ Params: { file: string } }>('/assets/:file', async (request, reply) => {
    const folder = folders.get(request.params.file);
    if (!folder) return reply.code(404).send({ error: 'no such asset' });
    return reply.sendFile(request.params.file, folder);
  });

  for (const url of endpointPaths(nodes, 'graphiql')) {
    app.get(url, async (request, reply) => {
      const node = pageNode(request, reply, nodes);
      if (!node) return reply;
      const root = url.startsWith('/:node/') ? '../' : './';
      const page = renderGraphiqlPage({ node, name: getCommitteeRegion(node).name, root });
      return reply.type('text/html; charset=utf-8').send(page);
    });
  }

  app.get('/', async (_request, reply) => {
    const page = renderIndexPage(
      nodes.map((code) => ({ code, name: getCommitteeRegion(code).name })),
    );
    return reply.type('text/html; charset=utf-8').send(page);
  });
};
