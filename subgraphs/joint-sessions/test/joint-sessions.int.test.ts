import { startTestSubgraph, type TestCaller } from '@huishang/subgraph-kit/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { jointSessionsSubgraph } from '../src/index.js';

const subgraph = await startTestSubgraph(jointSessionsSubgraph, {
  regions: ['330503', '330482'],
});
const { statements } = subgraph;
afterAll(subgraph.close);

/** A caller of the Nanxun node by default; partners' staff reach it with node 330503. */
const gql = (
  query: string,
  variables: Record<string, unknown> = {},
  caller: TestCaller = { region: '330503' },
) => subgraph.gql(query, variables, { node: '330503', ...caller });

const create = `mutation($input: CreateJointSessionInput!) {
  createJointSession(input: $input) {
    id title kind stage version heldOn region { code }
    parties { committee role region { code } }
  }
}`;
const read = `query($id: ID!) { jointSession(id: $id) { title parties { committee } } }`;
const list = `query($region: ID!) { jointSessions(region: $region, first: 10) { totalCount edges { node { title } } } }`;
const advance = `mutation($id: ID!, $to: JointStage!) { advanceJointSession(id: $id, to: $to) { stage version } }`;

const xunwu = {
  region: '330503',
  hostCommittee: '湖州市南浔区政协',
  title: '同心桥·浔吴协商会：毗邻地区生态环境共保联治',
  description: '南浔区政协与吴江区政协共同议题联定、方案联审，围绕跨界河湖联保共治开展联动协商。',
  kind: 'CROSS_PROVINCE',
  partners: [{ region: '320509', committee: '苏州市吴江区政协' }],
  heldOn: '2024-09-20',
  venueName: '南浔区跨区域协商议事室',
};
let xunwuId: string;

describe('joint-sessions subgraph', () => {
  it('creates the 浔吴 session hosted by Nanxun with Wujiang as partner', async () => {
    const created = await gql(create, { input: xunwu });
    expect(created.errors).toBeUndefined();
    xunwuId = created.data.createJointSession.id;
    expect(created.data.createJointSession).toMatchObject({
      kind: 'CROSS_PROVINCE',
      stage: 'TOPIC',
      version: 1,
      heldOn: '2024-09-20',
      region: { code: '330503' },
      parties: [
        { committee: '湖州市南浔区政协', role: 'HOST', region: { code: '330503' } },
        { committee: '苏州市吴江区政协', role: 'PARTNER', region: { code: '320509' } },
      ],
    });
  });

  it('shows it to Wujiang and to Jiangsu, and refuses Shanghai', async () => {
    for (const region of ['320509', '320000']) {
      const seen = await gql(read, { id: xunwuId }, { region, roles: ['reader'] });
      expect(seen.errors).toBeUndefined();
      expect(seen.data.jointSession.parties).toHaveLength(2);
    }
    const listed = await gql(list, { region: '320509' }, { region: '320000', roles: ['reader'] });
    expect(listed.data.jointSessions.totalCount).toBe(1);
    expect(listed.data.jointSessions.edges[0].node.title).toBe(xunwu.title);

    const refused = await gql(read, { id: xunwuId }, { region: '310000', roles: ['reader'] });
    expect(refused.errors[0].extensions.code).toBe('FORBIDDEN');
    const refusedList = await gql(list, { region: '320509' }, { region: '310000' });
    expect(refusedList.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('records the 浙沪 session of Pinghu with Jinshan on Pinghu’s node', async () => {
    const pinghu = { region: '330482', node: '330482' };
    const created = await gql(
      create,
      {
        input: {
          region: '330482',
          hostCommittee: '平湖市政协',
          title: '广陈镇—廊下镇农旅融合发展联合协商',
          kind: 'CROSS_PROVINCE',
          partners: [{ region: '310116', committee: '上海市金山区政协' }],
        },
      },
      pinghu,
    );
    expect(created.errors).toBeUndefined();
    const listed = await gql(list, { region: '310116' }, { region: '310000', node: '330482' });
    expect(
      listed.data.jointSessions.edges.map((e: { node: { title: string } }) => e.node.title),
    ).toEqual(['广陈镇—廊下镇农旅融合发展联合协商']);
  });

  it('answers an unknown region in jointSessions with BAD_USER_INPUT', async () => {
    const result = await gql(list, { region: '339999' });
    expect(result.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('refuses bad parties and writes from other regions, writing nothing', async () => {
    const noPartners = await gql(create, { input: { ...xunwu, partners: [] } });
    expect(noPartners.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'JOINT_SESSIONS_NO_PARTNER',
    });
    const unknown = await gql(create, {
      input: { ...xunwu, partners: [{ region: '329999', committee: '不存在' }] },
    });
    expect(unknown.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'SCHEMA_UNKNOWN_REGION',
    });
    const elsewhere = await gql(create, { input: xunwu }, { region: '330500' });
    expect(elsewhere.errors[0].extensions.code).toBe('FORBIDDEN');

    const listed = await gql(list, { region: '330503' });
    expect(listed.data.jointSessions.totalCount).toBe(1);
  });

  it('advances one stage at a time and names the current stage when one is skipped', async () => {
    const skipped = await gql(advance, { id: xunwuId, to: 'RESEARCH' });
    expect(skipped.errors[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'JOINT_SESSIONS_ILLEGAL_STAGE_STEP',
      fields: { stage: 'TOPIC' },
    });
    expect(skipped.errors[0].message).toContain('议题联定');

    const byPartner = await gql(advance, { id: xunwuId, to: 'PLAN' }, { region: '320509' });
    expect(byPartner.errors[0].extensions.code).toBe('FORBIDDEN');

    const advanced = await gql(advance, { id: xunwuId, to: 'PLAN' });
    expect(advanced.data.advanceJointSession).toEqual({ stage: 'PLAN', version: 2 });
  });

  it('resolves a batch of session references with one database query', async () => {
    const ids = [xunwuId];
    for (const title of ['五镇跨区域协商议事室联席会', '浔吴毗邻村结对共建协商']) {
      const created = await gql(create, { input: { ...xunwu, title } });
      ids.push(created.data.createJointSession.id);
    }
    statements.length = 0;
    const result = await gql(
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on JointSession { id title } } }`,
      { reps: ids.map((id) => ({ __typename: 'JointSession', id })) },
      { region: '320000', roles: ['reader'] },
    );
    expect(result.data._entities.map((s: { id: string }) => s.id)).toEqual(ids);
    expect(statements.filter((s) => /select/i.test(s))).toHaveLength(1);
  });

  it('reads the parties of a whole page with one query', async () => {
    statements.length = 0;
    const result = await gql(
      `{ jointSessions(region: "330503") { edges { node { parties { role } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.jointSessions.edges).toHaveLength(3);
    expect(statements.filter((s) => /joint_party/i.test(s))).toHaveLength(1);
  });
});
