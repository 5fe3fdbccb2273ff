import type { GraphqlClient, NodeHost } from '@huishang/infra';
import { answerOf } from '@huishang/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BusTestbed, gatewayClient, startBusTestbed } from '../support/hosts.js';

// Zhejiang and 金华 run on one host; 武义 (330723) on a host of its own that starts only
// later, so the city's dispatch waits for it. Everything goes through the gateways, as each
// node's staff, members and handling units would use them.
const upper = ['330000', '330700'];
const wuyiRegion = '330723';

let testbed: BusTestbed;
let jinhuaHost: NodeHost;
let wuyiHost: NodeHost | undefined;

type Api = GraphqlClient;
const startWuyi = async () => {
  wuyiHost = await testbed.startHost([wuyiRegion]);
  return wuyiHost;
};

beforeAll(async () => {
  testbed = await startBusTestbed('supervision_e2e', [...upper, wuyiRegion]);
  jinhuaHost = await testbed.startHost(upper, { poolSize: 8 });
});

afterAll(() => testbed?.close());

const receipt = 'id status owner { code } result error { reason }';
const taskFields = `id status colour caseRef dispatchedBy { code } region { code } handlingUnit letter feedback
  reminders version allowedActions members { id } steps { action note }`;
const step = `mutation($id: ID!, $input: SupervisionStepInput!) { recordSupervisionStep(id: $id, input: $input) { ${taskFields} } }`;
const itemFields = `id status route department routedTo { code } colour satisfaction allowedActions
  sourceRegion { code } sourceItem { id title } submitter { id name }`;

const taskAt = (api: Api, id: string) =>
  api
    .request<{ supervisionTask: Record<string, unknown> | null }>(
      `query($id: ID!) { supervisionTask(id: $id) { ${taskFields} } }`,
      { id },
    )
    .then((r) => r.supervisionTask);

interface CommandReceipt {
  id: string;
  status: string;
  result: string | null;
}
/** A command 金华 sent, as its node reports it. */
const commandAtJinhua = async (id: string) =>
  (await gatewayClient(jinhuaHost, '330700'))
    .request<{ consultationsCommandStatus: CommandReceipt }>(
      `query($id: ID!) { consultationsCommandStatus(id: $id) { ${receipt} } }`,
      { id },
    )
    .then((r) => r.consultationsCommandStatus);

let taskId: string;
let memberId: string;

describe('supervision and opinion items across 金华 and 武义', () => {
  it('has the city dispatch a task to 武义 while it is offline, applied when it comes up', async () => {
    const jinhua = await gatewayClient(jinhuaHost, '330700');
    const { dispatchSupervisionTask } = await jinhua.request<{
      dispatchSupervisionTask: { id: string; status: string };
    }>(
      `mutation($input: CreateSupervisionTaskInput!) { dispatchSupervisionTask(input: $input) { ${receipt} } }`,
      {
        input: {
          region: wuyiRegion,
          title: '《看见》曝光：熟溪河沿岸违规排污整改民主监督',
          source: 'MEDIA',
          committee: '人口资源环境委员会',
          caseRef: '金华广电《今日聚焦》：熟溪河沿岸排污口直排',
          deadline: '2099-12-31',
        },
      },
    );
    expect(dispatchSupervisionTask).toMatchObject({
      status: 'PENDING',
      owner: { code: wuyiRegion },
    });

    await startWuyi();
    const status = () => commandAtJinhua(dispatchSupervisionTask.id);
    await expect.poll(status, { timeout: 20_000 }).toMatchObject({ status: 'APPLIED' });
    taskId = JSON.parse((await status()).result ?? '{}').id;

    const wuyi = await gatewayClient(wuyiHost as NodeHost, wuyiRegion);
    expect(await taskAt(wuyi, taskId)).toMatchObject({
      status: 'DISPATCHED',
      colour: 'GREEN',
      dispatchedBy: { code: '330700' },
      caseRef: '金华广电《今日聚焦》：熟溪河沿岸排污口直排',
      region: { code: wuyiRegion },
    });
  });

  it('walks the task at 武义 to closing, and the city watches it through at its own gateway', async () => {
    const host = wuyiHost as NodeHost;
    const wuyi = await gatewayClient(host, wuyiRegion);
    const { createMember } = await wuyi.request<{ createMember: { id: string } }>(
      `mutation($input: CreateMemberInput!) { createMember(input: $input) { id } }`,
      { input: { region: wuyiRegion, name: '朱晓燕', sector: '农业界', party: 'CPC', term: 10 } },
    );
    memberId = createMember.id;
    const take = (input: object, api: Api = wuyi) => api.send(step, { id: taskId, input });

    await take({
      action: 'INSPECT',
      note: '实地察看熟溪河壶山段排污口 12 处',
      memberIds: [memberId],
    });
    await take({
      action: 'CONSULT',
      note: '在壶山街道民生议事堂召开协商座谈会',
      memberIds: [memberId],
    });
    const refused = await take({ action: 'CLOSE' });
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'CONSULTATIONS_SUPERVISION_ILLEGAL_STEP',
      fields: { state: 'CONSULTING', allowed: ['CONSULT', 'ISSUE_LETTER'] },
    });
    await take({
      action: 'ISSUE_LETTER',
      note: '建议建立排污口“一口一档”长效巡查机制',
      handlingUnit: '金华市生态环境局武义分局',
      deadline: '2099-11-30',
    });
    await take({ action: 'REMIND', note: '请于月底前书面反馈' });
    // 催办 from the city that dispatched it: a command 武义 applies as a REMIND step
    const jinhua = await gatewayClient(jinhuaHost, '330700');
    const remind = `mutation($id: ID!, $note: String) { remindSupervisionTask(id: $id, note: $note) { ${receipt} } }`;
    await expect
      .poll(() => taskAt(jinhua, taskId).then((t) => t?.status), { timeout: 20_000 })
      .toBe('LETTER_ISSUED');
    const reminded = await answerOf(
      (
        await jinhua.request<{ remindSupervisionTask: CommandReceipt }>(remind, {
          id: taskId,
          note: '市政协督办：请加快整改进度',
        })
      ).remindSupervisionTask,
      commandAtJinhua,
    );
    expect(reminded).toMatchObject({ status: 'APPLIED' });
    expect(JSON.parse(reminded.result ?? '{}')).toMatchObject({ reminders: 2 });
    const unit = await gatewayClient(host, wuyiRegion, ['unit'], '金华市生态环境局武义分局');
    expect(
      (await take({ action: 'FEEDBACK', note: '12 处排污口已整治销号' }, unit)).errors,
    ).toBeUndefined();
    await take({ action: 'FOLLOW_UP', note: '回头看：整治到位，无反弹', memberIds: [memberId] });
    await take({ action: 'CLOSE' });

    // the city cannot take a step on 武义's task itself, nor remind once it is closed
    const cityStep = await jinhua.send(step, { id: taskId, input: { action: 'REMIND' } });
    expect(cityStep.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const late = await jinhua.request<{ remindSupervisionTask: CommandReceipt }>(remind, {
      id: taskId,
    });
    expect(await answerOf(late.remindSupervisionTask, commandAtJinhua)).toMatchObject({
      status: 'REJECTED',
      error: { reason: 'CONSULTATIONS_SUPERVISION_ILLEGAL_STEP' },
    });
    const atWuyi = await taskAt(wuyi, taskId);
    expect(atWuyi).toMatchObject({
      status: 'CLOSED',
      colour: null,
      reminders: 2,
      feedback: '12 处排污口已整治销号',
      members: [{ id: memberId }],
      version: 9,
    });
    await expect.poll(() => taskAt(jinhua, taskId), { timeout: 20_000 }).toEqual(atWuyi);
    const province = await gatewayClient(jinhuaHost, '330000');
    await expect
      .poll(() => taskAt(province, taskId), { timeout: 20_000 })
      .toMatchObject({ status: 'CLOSED', version: 9, dispatchedBy: { code: '330700' } });
  });

  it('takes a member’s items through review and routing, one of them up to the city', async () => {
    const host = wuyiHost as NodeHost;
    const member = await gatewayClient(host, wuyiRegion, ['member'], memberId);
    const staff = await gatewayClient(host, wuyiRegion);
    const submit = (title: string, place: string) =>
      member
        .request<{ submitOpinionItem: { id: string } }>(
          `mutation($input: SubmitOpinionItemInput!) { submitOpinionItem(input: $input) { id } }`,
          {
            input: {
              region: wuyiRegion,
              title,
              body: `${title}，群众反映较多，建议有关部门研究解决。`,
              category: '城乡建设',
              place,
            },
          },
        )
        .then((r) => r.submitOpinionItem.id);
    const types: Record<string, string> = {
      input: 'ReviewOpinionItemInput!',
      route: 'RouteOpinionItemInput!',
      text: 'String!',
      s: 'Satisfaction!',
    };
    /** One step, declaring the variables it is given. */
    const act = (api: Api, mutation: string, variables: Record<string, unknown>) => {
      const declared = Object.keys(variables)
        .map((name) => `$${name}: ${types[name] ?? 'ID!'}`)
        .join(', ');
      return api.send<Record<string, Record<string, unknown>>>(
        `mutation(${declared}) { ${mutation} { ${itemFields} } }`,
        variables,
      );
    };

    const outside = await member.send(
      `mutation($input: SubmitOpinionItemInput!) { submitOpinionItem(input: $input) { id } }`,
      {
        input: {
          region: wuyiRegion,
          title: '外地路灯',
          body: '外地路灯不亮。',
          category: '城乡建设',
          place: '330702001',
        },
      },
    );
    expect(outside.errors?.[0]?.extensions?.reason).toBe('CONSULTATIONS_PLACE_OUTSIDE_REGION');

    // a concrete problem: a department handles it, the member rates the answer
    const lamp = await submit('柳城畲族镇老街路灯损坏', '330723100');
    const early = await act(member, 'rateOpinionItem(id: $id, satisfaction: $s)', {
      id: lamp,
      s: 'SATISFIED',
    });
    expect(early.errors?.[0]?.extensions).toMatchObject({
      reason: 'CONSULTATIONS_OPINION_ILLEGAL_STEP',
      fields: { state: 'SUBMITTED' },
    });
    await act(staff, 'reviewOpinionItem(id: $id, input: $input)', {
      id: lamp,
      input: { accept: true },
    });
    const routed = await act(staff, 'routeOpinionItem(id: $id, input: $route)', {
      id: lamp,
      route: {
        nature: 'CONCRETE',
        departments: ['武义县住房和城乡建设局'],
        deadline: '2099-06-30',
      },
    });
    expect(routed.data?.routeOpinionItem).toMatchObject({
      status: 'DISPATCHED',
      route: 'DEPARTMENT',
      colour: 'GREEN',
    });
    const unit = await gatewayClient(host, wuyiRegion, ['unit'], '武义县住房和城乡建设局');
    await act(unit, 'handleOpinionItem(id: $id, handling: $text)', {
      id: lamp,
      text: '已更换路灯 18 盏',
    });
    await act(staff, 'answerOpinionItem(id: $id, answer: $text)', {
      id: lamp,
      text: '路灯已全部修复',
    });
    const rated = await act(member, 'rateOpinionItem(id: $id, satisfaction: $s)', {
      id: lamp,
      s: 'SATISFIED',
    });
    expect(rated.data?.rateOpinionItem).toMatchObject({
      status: 'RATED',
      satisfaction: 'SATISFIED',
      allowedActions: [],
      submitter: { id: memberId, name: '朱晓燕' },
    });

    // a policy question goes up to 金华's inbox, linked to the original
    const policy = await submit('建议完善山区县医保异地就医直接结算政策', '330723002');
    await act(staff, 'reviewOpinionItem(id: $id, input: $input)', {
      id: policy,
      input: { accept: true },
    });
    const raised = await act(staff, 'routeOpinionItem(id: $id, input: $route)', {
      id: policy,
      route: { nature: 'POLICY' },
    });
    expect(raised.data?.routeOpinionItem).toMatchObject({
      route: 'UPPER_LEVEL',
      routedTo: { code: '330700' },
    });
    const jinhua = await gatewayClient(jinhuaHost, '330700');
    const inbox = () =>
      jinhua
        .request<{ opinionItems: { edges: { node: unknown }[] } }>(
          `{ opinionItems(region: "330700") { edges { node { ${itemFields} } } } }`,
        )
        .then((r) => r.opinionItems.edges.map((e) => e.node));
    await expect.poll(inbox, { timeout: 20_000 }).toMatchObject([
      {
        status: 'SUBMITTED',
        sourceRegion: { code: wuyiRegion },
        sourceItem: { id: policy, title: '建议完善山区县医保异地就医直接结算政策' },
        submitter: { id: memberId, name: '朱晓燕' },
      },
    ]);
  });

  it('scores 金华 and 武义 in the city’s 民情指数, with member coverage from the members subgraph', async () => {
    const jinhua = await gatewayClient(jinhuaHost, '330700');
    const index = () =>
      jinhua
        .request<{ opinionIndex: { byRegion: Record<string, unknown>[] } }>(
          `{ opinionIndex(region: "330700") { byRegion { region subtree collected dispatched closed
            satisfactionRate submitters memberCount memberCoverage } } }`,
        )
        .then((r) => r.opinionIndex.byRegion);
    await expect.poll(index, { timeout: 20_000 }).toEqual([
      {
        region: '330700',
        subtree: false,
        collected: 1,
        dispatched: 0,
        closed: 0,
        satisfactionRate: null,
        submitters: 1,
        memberCount: 0,
        memberCoverage: null,
      },
      {
        region: wuyiRegion,
        subtree: true,
        collected: 2,
        dispatched: 2,
        closed: 1,
        satisfactionRate: 1,
        submitters: 1,
        memberCount: 1,
        memberCoverage: 1,
      },
    ]);
  });
});
