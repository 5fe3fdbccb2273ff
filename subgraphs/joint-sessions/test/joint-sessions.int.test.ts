import { startTestSubgraph, type TestCaller } from '@huishang/subgraph-kit/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { jointSessionsSubgraph } from '../src/index.js';

const subgraph = await startTestSubgraph(jointSessionsSubgraph, {
  regions: ['330503', '330482', '330521'],
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
/** Creates a session (浔吴 unless told) and returns its id. */
async function created(input: Record<string, unknown> = xunwu, caller?: TestCaller) {
  const result = await gql(create, { input }, caller);
  expect(result.errors).toBeUndefined();
  return result.data.createJointSession.id as string;
}

describe('joint-sessions subgraph', () => {
  it('creates the 浔吴 session hosted by Nanxun with Wujiang as partner', async () => {
    const result = await gql(create, { input: xunwu });
    expect(result.errors).toBeUndefined();
    expect(result.data.createJointSession).toMatchObject({
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

  it('shows a session to its partner and the partner’s province, and refuses Shanghai', async () => {
    // Wuzhong is this test's own partner: its list holds this session alone.
    const title = '同心桥·南浔—吴中协商会：太湖南岸生态共保';
    const partners = [{ region: '320506', committee: '苏州市吴中区政协' }];
    const id = await created({ ...xunwu, title, partners });
    for (const region of ['320506', '320000']) {
      const seen = await gql(read, { id }, { region, roles: ['reader'] });
      expect(seen.errors).toBeUndefined();
      expect(seen.data.jointSession.parties).toHaveLength(2);
    }
    const listed = await gql(list, { region: '320506' }, { region: '320000', roles: ['reader'] });
    expect(listed.data.jointSessions).toEqual({ totalCount: 1, edges: [{ node: { title } }] });

    const refused = await gql(read, { id }, { region: '310000', roles: ['reader'] });
    expect(refused.errors[0].extensions.code).toBe('FORBIDDEN');
    const refusedList = await gql(list, { region: '320506' }, { region: '310000' });
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
    const count = async () => (await gql(list, { region: '330503' })).data.jointSessions.totalCount;
    const before = await count();
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

    expect(await count()).toBe(before);
  });

  it('advances one stage at a time and names the current stage when one is skipped', async () => {
    const xunwuId = await created();
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
    const ids: string[] = [];
    for (const title of [xunwu.title, '五镇跨区域协商议事室联席会', '浔吴毗邻村结对共建协商'])
      ids.push(await created({ ...xunwu, title }));
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
    // Deqing's node is this test's own: three sessions hosted there, and nothing else.
    const deqing = { region: '330521', node: '330521' };
    for (const title of [
      '德清—长兴跨界河道联合协商',
      '德清—安吉竹产业联合协商',
      '德清—余杭交通联合协商',
    ])
      await created(
        { ...xunwu, region: '330521', hostCommittee: '湖州市德清县政协', title },
        deqing,
      );
    statements.length = 0;
    const result = await gql(
      `{ jointSessions(region: "330521") { edges { node { parties { role } } } } }`,
      {},
      deqing,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.jointSessions.edges).toHaveLength(3);
    expect(statements.filter((s) => /joint_party/i.test(s))).toHaveLength(1);
  });
});
