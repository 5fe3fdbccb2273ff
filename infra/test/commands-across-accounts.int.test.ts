import { consultationsSubgraph } from '@huishang/consultations';
import { jointSessionsSubgraph } from '@huishang/joint-sessions';
import type { SubgraphModule } from '@huishang/subgraph-kit';
import {
  answerOf,
  type GraphQLResponseBody,
  startNatsServer,
  startTestSubgraph,
  type TestSubgraph,
} from '@huishang/subgraph-kit/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeCredentials } from '../src/nats/accounts.js';
import { devNatsConfig, devNatsNodes } from '../src/nats/dev.js';
import { provisionAccounts } from '../src/nats/streams.js';

// Commands under production permissions: each province its own account, streams
// provisioned by the account admins, each node connected as its own user.
const server = await startNatsServer({ config: devNatsConfig() });
await provisionAccounts(server.url, devNatsNodes);
const nodes: TestSubgraph[] = [];
afterAll(async () => {
  for (const node of nodes) await node.close();
  await server.dispose();
});

// biome-ignore lint/suspicious/noExplicitAny: each module has its own client and context types
async function startNode(module: SubgraphModule<any, any>, region: string) {
  const node = await startTestSubgraph(module, {
    regions: [region],
    label: `accounts_${region}`,
    bus: { servers: server.url, ...nodeCredentials(region), provisionStreams: false },
  });
  nodes.push(node);
  await node.started();
  return node;
}

const receipt = 'id status owner { code } result error { code reason }';
/** What the owner answered to a command `node` sent for its staff. */
const answered = (node: TestSubgraph, subgraph: string, sent: GraphQLResponseBody) =>
  answerOf(sent, (id) =>
    node
      .gql(`query($id: ID!) { ${subgraph}CommandStatus(id: $id) { ${receipt} } }`, { id })
      .then((r) => r.data[`${subgraph}CommandStatus`]),
  );

describe('commands to owners across accounts', () => {
  it('carries the province’s dispatch to Nanxun within Zhejiang’s account', async () => {
    const zhejiang = await startNode(consultationsSubgraph, '330000');
    const nanxun = await startNode(consultationsSubgraph, '330503');
    const sent = await zhejiang.gql(
      `mutation($input: CreateSupervisionTaskInput!) { dispatchSupervisionTask(input: $input) { ${receipt} } }`,
      {
        input: {
          region: '330503',
          title: '《看见》曝光：頔塘故道沿线违规堆放整改',
          source: 'MEDIA',
          committee: '人口资源环境委员会',
        },
      },
    );
    const answer = await answered(zhejiang, 'consultations', sent.data.dispatchSupervisionTask);
    expect(answer).toMatchObject({ status: 'APPLIED', owner: { code: '330503' }, error: null });
    const tasks = await nanxun.gql(
      '{ supervisionTasks(region: "330503") { edges { node { id } } } }',
    );
    expect(tasks.data.supervisionTasks.edges).toEqual([
      { node: { id: JSON.parse(answer.result).id } },
    ]);
  });

  it('carries Wujiang’s agreement from Jiangsu to the 浔吴 session Nanxun hosts, and the answer back', async () => {
    const nanxun = await startNode(jointSessionsSubgraph, '330503');
    const wujiang = await startNode(jointSessionsSubgraph, '320509');
    const created = await nanxun.gql(
      `mutation($input: CreateJointSessionInput!) { createJointSession(input: $input) { id } }`,
      {
        input: {
          region: '330503',
          hostCommittee: '湖州市南浔区政协',
          title: '同心桥·浔吴协商会：毗邻地区生态环境共保联治',
          kind: 'CROSS_PROVINCE',
          partners: [{ region: '320509', committee: '苏州市吴江区政协' }],
        },
      },
    );
    const id = created.data.createJointSession.id;
    const stage = (node: TestSubgraph, region: string) =>
      node
        .gql('query($id: ID!) { jointSession(id: $id) { stage } }', { id }, { region })
        .then((r) => r.data.jointSession?.stage);
    await expect.poll(() => stage(wujiang, '320509'), { timeout: 10_000 }).toBe('TOPIC');

    const sent = await wujiang.gql(
      `mutation($id: ID!) { agreeJointSessionStage(id: $id, host: "330503", to: PLAN) { ${receipt} } }`,
      { id },
      { region: '320509' },
    );
    expect(
      await answered(wujiang, 'jointSessions', sent.data.agreeJointSessionStage),
    ).toMatchObject({
      status: 'APPLIED',
      owner: { code: '330503' },
      error: null,
    });
    expect(await stage(nanxun, '330503')).toBe('PLAN');
    await expect.poll(() => stage(wujiang, '320509'), { timeout: 10_000 }).toBe('PLAN');
  });
});
