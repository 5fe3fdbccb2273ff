import {
  answerOf,
  type GraphQLResponseBody,
  startTestNodes,
  type TestCaller,
  type TestSubgraph,
} from '@huishang/subgraph-kit/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { jointSessionsSubgraph } from '../src/index.js';

// Nanxun hosts 浔吴; Wujiang (its partner) and Suzhou (Wujiang's city, which sees the
// session but is no party) are nodes of their own on the same NATS.
const nodes = await startTestNodes(jointSessionsSubgraph, { label: 'joint_commands' });
const [nanxun, wujiang, suzhou] = (await Promise.all(
  ['330503', '320509', '320500'].map(nodes.start),
)) as [TestSubgraph, TestSubgraph, TestSubgraph];
afterAll(() => nodes.close());

const staffOf = (region: string): TestCaller => ({ region });
const receipt = 'id status owner { code } result error { code reason message }';
const agree = `mutation($id: ID!, $host: ID!, $to: JointStage!) {
  agreeJointSessionStage(id: $id, host: $host, to: $to) { ${receipt} } }`;
const statusOf = (node: TestSubgraph, id: string, caller: TestCaller) =>
  node
    .gql(`query($id: ID!) { jointSessionsCommandStatus(id: $id) { ${receipt} } }`, { id }, caller)
    .then((r) => r.data.jointSessionsCommandStatus);
/** What the host answered to an agreement `node` sent for `caller`. */
const answered = (node: TestSubgraph, sent: GraphQLResponseBody, caller: TestCaller) =>
  answerOf(sent.data.agreeJointSessionStage, (id) => statusOf(node, id, caller));
const stageAt = (node: TestSubgraph, region: string, id: string) =>
  node
    .gql('query($id: ID!) { jointSession(id: $id) { stage version } }', { id }, staffOf(region))
    .then((r) => r.data.jointSession);

let xunwuId: string;

describe('commands to owners: agreeing to a joint session’s next stage', () => {
  it('lets Wujiang agree to advance the 浔吴 session that Nanxun hosts', async () => {
    const created = await nanxun.gql(
      `mutation($input: CreateJointSessionInput!) { createJointSession(input: $input) { id } }`,
      {
        input: {
          region: '330503',
          hostCommittee: '湖州市南浔区政协',
          title: '同心桥·浔吴协商会：毗邻地区生态环境共保联治',
          kind: 'CROSS_PROVINCE',
          partners: [{ region: '320509', committee: '苏州市吴江区政协' }],
          heldOn: '2024-09-20',
          venueName: '南浔区跨区域协商议事室',
        },
      },
    );
    xunwuId = created.data.createJointSession.id;
    // Wujiang keeps a replica of the session it joins.
    await expect
      .poll(() => stageAt(wujiang, '320509', xunwuId), { timeout: 10_000 })
      .toEqual({ stage: 'TOPIC', version: 1 });

    const sent = await wujiang.gql(
      agree,
      { id: xunwuId, host: '330503', to: 'PLAN' },
      staffOf('320509'),
    );
    expect(sent.errors).toBeUndefined();
    const answer = await answered(wujiang, sent, staffOf('320509'));
    expect(answer).toMatchObject({ status: 'APPLIED', owner: { code: '330503' }, error: null });
    expect(JSON.parse(answer.result)).toEqual({ id: xunwuId, stage: 'PLAN', version: 2 });
    expect(await stageAt(nanxun, '330503', xunwuId)).toEqual({ stage: 'PLAN', version: 2 });
    await expect
      .poll(() => stageAt(wujiang, '320509', xunwuId), { timeout: 10_000 })
      .toEqual({ stage: 'PLAN', version: 2 });
    expect(await statusOf(wujiang, answer.id, staffOf('320509'))).toEqual(answer);
  });

  it('has the host refuse a step that skips a stage, naming the current one', async () => {
    const sent = await wujiang.gql(
      agree,
      { id: xunwuId, host: '330503', to: 'DELIBERATION' },
      staffOf('320509'),
    );
    const { error, status } = await answered(wujiang, sent, staffOf('320509'));
    expect(status).toBe('REJECTED');
    expect(error).toMatchObject({ code: 'CONFLICT', reason: 'JOINT_SESSIONS_ILLEGAL_STAGE_STEP' });
    expect(error.message).toContain('方案联审');
  });

  it('has the host refuse Suzhou, which sees the session but is no party to it', async () => {
    await expect
      .poll(() => stageAt(suzhou, '320500', xunwuId), { timeout: 10_000 })
      .toMatchObject({ stage: 'PLAN' });
    const sent = await suzhou.gql(
      agree,
      { id: xunwuId, host: '330503', to: 'RESEARCH' },
      staffOf('320500'),
    );
    expect(await answered(suzhou, sent, staffOf('320500'))).toMatchObject({
      status: 'REJECTED',
      error: { code: 'FORBIDDEN', reason: 'KIT_FORBIDDEN' },
    });
    expect(await stageAt(nanxun, '330503', xunwuId)).toEqual({ stage: 'PLAN', version: 2 });
  });

  it('answers NOT_FOUND when the named host does not own the session', async () => {
    const sent = await nanxun.gql(agree, { id: xunwuId, host: '320509', to: 'RESEARCH' });
    expect(await answered(nanxun, sent, staffOf('330503'))).toMatchObject({
      status: 'REJECTED',
      owner: { code: '320509' },
      error: { code: 'NOT_FOUND', reason: 'KIT_NOT_FOUND' },
    });
  });

  it('lets the host’s own staff agree on its node, applied at once', async () => {
    const sent = await nanxun.gql(agree, { id: xunwuId, host: '330503', to: 'RESEARCH' });
    expect(sent.data.agreeJointSessionStage).toMatchObject({ status: 'APPLIED' });
    expect(await stageAt(nanxun, '330503', xunwuId)).toEqual({ stage: 'RESEARCH', version: 3 });
  });
});
