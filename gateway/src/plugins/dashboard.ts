import type { ServerResponse } from 'node:http';
import fastifyStatic from '@fastify/static';
import { dashboardAssetNames, dashboardAssetsDir } from '@huishang/dashboard';
import { getCommitteeRegion, HuishangError, isWithin } from '@huishang/schema';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { type Caller, identifyCaller } from '../caller.js';
import type { ChangeFollower } from '../change-follower.js';
import type { GatewayConfig } from '../config.js';
import { MissingTokenError, RouteNotFoundError, TooManyFollowersError } from '../errors.js';
import { sendError, statusOf } from '../http-errors.js';
import { endpointPaths, nodeOf, pageNode } from '../nodes.js';
import { renderDashboardPage } from '../pages.js';

export interface DashboardPluginOptions {
  config: GatewayConfig;
  changes: ChangeFollower;
}

/** Open change streams at once, over every node of this gateway: staff's browser tabs. */
const maxFollowers = 256;
/** At most one change message per stream this often: a burst of events is one refresh. */
const throttleMs = 1_000;
/** A comment line this often keeps proxies from closing a quiet stream. */
const heartbeatMs = 15_000;

/**
 * The 驾驶舱 (`@huishang/dashboard`) at `/<code>/dashboard`, its built assets under
 * `/dashboard/assets/`, and two calls it makes with the caller's token: `…/dashboard/caller`
 * (who the token says, verified as for GraphQL, and where its page starts) and `…/dashboard/changes`, a server-sent
 * event stream that says `data: changed` when the node's data moved on (the change feeds
 * the gateway follows), so the page asks GraphQL again with the caller's token: the stream
 * itself carries no figures, and what a caller sees is always what GraphQL lets it read.
 */
export const dashboardPlugin: FastifyPluginAsync<DashboardPluginOptions> = async (
  app,
  { config, changes },
) => {
  const { nodes } = config;
  // the gzip twins are sent in their files' place to browsers that accept them
  const assets = new Set(dashboardAssetNames().filter((name) => !name.endsWith('.gz')));
  await app.register(fastifyStatic, {
    root: dashboardAssetsDir,
    serve: false,
    preCompressed: true,
  });
  app.get<{ Params: { file: string } }>('/dashboard/assets/:file', async (request, reply) => {
    if (!assets.has(request.params.file)) return sendError(reply, 404, new RouteNotFoundError());
    return reply.sendFile(request.params.file, { maxAge: 3_600_000 });
  });

  /** The node asked and its verified caller, or the refusal already sent. */
  const callerOf = async (
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<{ node: string; caller: Caller } | undefined> => {
    try {
      const node = nodeOf(request.params, nodes);
      const caller = await identifyCaller(request.headers.authorization, node, config);
      return { node, caller };
    } catch (error) {
      if (!(error instanceof HuishangError)) throw error;
      await sendError(reply, statusOf(error), error);
      return undefined;
    }
  };

  for (const url of endpointPaths(nodes, 'dashboard')) {
    const root = url.startsWith('/:node/') ? '../' : './';
    app.get(url, async (request, reply) => {
      const node = pageNode(request, reply, nodes);
      if (!node) return reply;
      const { name } = getCommitteeRegion(node);
      return reply.type('text/html; charset=utf-8').send(renderDashboardPage({ node, name, root }));
    });

    app.get(`${url}/caller`, async (request, reply) => {
      const asked = await callerOf(request, reply);
      if (!asked) return reply;
      const { subject, region, roles } = asked.caller.identity;
      // where the page starts: the caller's own region when the node holds it, else the node
      const home = isWithin(region, asked.node) ? region : asked.node;
      return reply
        .header('cache-control', 'no-store')
        .send({ subject, region, name: getCommitteeRegion(region).name, roles, home });
    });
  }

  const streams = new Set<ServerResponse>();
  // an open stream would hold the server's close until its browser hangs up
  app.addHook('preClose', async () => {
    for (const stream of streams) stream.destroy();
  });
  for (const url of endpointPaths(nodes, 'dashboard/changes')) {
    app.get(url, async (request, reply) => {
      const asked = await callerOf(request, reply);
      if (!asked) return reply;
      // the public may read some figures, but holds no stream: the cap is for signed-in staff
      if (asked.caller.anonymous) return sendError(reply, 401, new MissingTokenError());
      if (streams.size >= maxFollowers)
        return sendError(reply, 503, new TooManyFollowersError(maxFollowers));
      reply.hijack();
      const stream = reply.raw;
      streams.add(stream);
      stream.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
      });
      // a browser that stops reading is dropped; it reconnects and reloads its figures
      const send = (text: string) => stream.write(text) || stream.destroy();
      let timer: NodeJS.Timeout | undefined;
      let last = 0;
      const changed = () => {
        timer = undefined;
        last = Date.now();
        send('data: changed\n\n');
      };
      const unsubscribe = changes.onChange((node) => {
        if ((node !== undefined && node !== asked.node) || timer) return;
        timer = setTimeout(changed, Math.max(0, last + throttleMs - Date.now()));
      });
      const heartbeat = setInterval(() => send(': following\n\n'), heartbeatMs);
      send(': following\n\n');
      stream.once('close', () => {
        streams.delete(stream);
        clearInterval(heartbeat);
        clearTimeout(timer);
        unsubscribe();
      });
    });
  }
};
