import { startTestNodes, type TestCaller } from '@huishang/subgraph-kit/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { consultationsSubgraph } from '../src/index.js';

// 武义 and 金华 as nodes of their own on one NATS: 武义's items replicate up to 金华, and a
// policy question raised by 武义 arrives in 金华's inbox as a command.
const nodes = await startTestNodes(consultationsSubgraph, { label: 'opinion' });
const wuyi = await nodes.start('330723');
const jinhua = await nodes.start('330700');
afterAll(() => nodes.close());

const memberId = '01970000-0000-7000-8000-0000000000b1';
const member: TestCaller = { region: '330723', roles: ['member'], subject: memberId };
const staff: TestCaller = { region: '330723' };
const department = '武义县住房和城乡建设局';
const unit: TestCaller = { region: '330723', roles: ['unit'], subject: department };

const fields = `id status route nature department deadline colour topicTitle routedTo { code }
  rejectionReason handling answer satisfaction allowedActions version submitter { id } place { code }
  sourceRegion { code } sourceItem { id title }`;
const submit = `mutation($input: SubmitOpinionItemInput!) { submitOpinionItem(input: $input) { ${fields} } }`;
const review = `mutation($id: ID!, $input: ReviewOpinionItemInput!) { reviewOpinionItem(id: $id, input: $input) { ${fields} } }`;
const route = `mutation($id: ID!, $input: RouteOpinionItemInput!) { routeOpinionItem(id: $id, input: $input) { ${fields} } }`;
const handle = `mutation($id: ID!, $text: String!) { handleOpinionItem(id: $id, handling: $text) { ${fields} } }`;
const answer = `mutation($id: ID!, $text: String!) { answerOpinionItem(id: $id, answer: $text) { ${fields} } }`;
const rate = `mutation($id: ID!, $s: Satisfaction!) { rateOpinionItem(id: $id, satisfaction: $s) { ${fields} } }`;

const item = (title: string, place = '330723100') => ({
  region: '330723',
  title,
  body: `${title}，群众反映强烈，请有关部门研究解决。`,
  category: '城乡建设',
  place,
});
const submitted = async (title: string) =>
  (await wuyi.gql(submit, { input: item(title) }, member)).data.submitOpinionItem;
const accepted = async (title: string) => {
  const { id } = await submitted(title);
  await wuyi.gql(review, { id, input: { accept: true } }, staff);
  return id as string;
};

describe('opinion items (民情一点通)', () => {
  it('takes a member’s item through review, a department, handling, answer and rating', async () => {
    const item1 = await submitted('柳城畲族镇老街路灯损坏');
    expect(item1).toMatchObject({
      status: 'SUBMITTED',
      submitter: { id: memberId },
      place: { code: '330723100' },
      allowedActions: ['ACCEPT', 'REJECT'],
    });
    const { id } = item1;
    expect(
      (await wuyi.gql(review, { id, input: { accept: true } }, staff)).data.reviewOpinionItem,
    ).toMatchObject({ status: 'REVIEWED', version: 2 });
    const routed = await wuyi.gql(
      route,
      { id, input: { nature: 'CONCRETE', departments: [department], deadline: '2099-06-30' } },
      staff,
    );
    expect(routed.data.routeOpinionItem).toMatchObject({
      status: 'DISPATCHED',
      route: 'DEPARTMENT',
      department,
      deadline: '2099-06-30',
      colour: 'GREEN',
    });
    expect(
      (await wuyi.gql(handle, { id, text: '已更换路灯 18 盏' }, unit)).data.handleOpinionItem,
    ).toMatchObject({ status: 'HANDLED', handling: '已更换路灯 18 盏' });
    expect(
      (await wuyi.gql(answer, { id, text: '路灯已全部修复' }, staff)).data.answerOpinionItem,
    ).toMatchObject({ status: 'ANSWERED', colour: null });
    const rated = await wuyi.gql(rate, { id, s: 'SATISFIED' }, member);
    expect(rated.data.rateOpinionItem).toMatchObject({
      status: 'RATED',
      satisfaction: 'SATISFIED',
      version: 6,
      allowedActions: [],
    });
  });

  it('refuses steps out of order, a place outside the county, and another member’s rating', async () => {
    const { id } = await submitted('履坦镇农贸市场周边占道经营');
    const early = await wuyi.gql(rate, { id, s: 'SATISFIED' }, member);
    expect(early.errors?.[0]?.extensions).toMatchObject({
      reason: 'CONSULTATIONS_OPINION_ILLEGAL_STEP',
      fields: { state: 'SUBMITTED', allowed: ['ACCEPT', 'REJECT'] },
    });
    const outside = await wuyi.gql(submit, { input: item('外地问题', '330702001') }, member);
    expect(outside.errors?.[0]?.extensions?.reason).toBe('CONSULTATIONS_PLACE_OUTSIDE_REGION');
    const rejected = await wuyi.gql(
      review,
      { id, input: { accept: false, reason: '已由12345热线受理' } },
      staff,
    );
    expect(rejected.data.reviewOpinionItem).toMatchObject({
      status: 'REJECTED',
      rejectionReason: '已由12345热线受理',
      allowedActions: [],
    });
    const someoneElse: TestCaller = { ...member, subject: '01970000-0000-7000-8000-0000000000b2' };
    const forged = await wuyi.gql(
      submit,
      { input: { ...item('冒名'), submitterId: memberId } },
      someoneElse,
    );
    expect(forged.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('turns an item spanning departments into a consultation topic', async () => {
    const id = await accepted('农村客运班线减少群众出行难');
    const routed = await wuyi.gql(
      `mutation($id: ID!, $input: RouteOpinionItemInput!) { routeOpinionItem(id: $id, input: $input) {
        route topicTitle topic { title source status region { code } } } }`,
      { id, input: { nature: 'CONCRETE', departments: ['武义县交通运输局', '武义县财政局'] } },
      staff,
    );
    expect(routed.data.routeOpinionItem).toEqual({
      route: 'CONSULTATION_TOPIC',
      topicTitle: '农村客运班线减少群众出行难',
      topic: {
        title: '农村客运班线减少群众出行难',
        source: 'MEMBERS',
        status: 'PENDING',
        region: { code: '330723' },
      },
    });

    // The topic waits for the chair's meeting: the submitter sees the item, not the topic,
    // and a rejected topic's reason stays the office's too.
    const topicOf = async (caller: TestCaller) =>
      (
        await wuyi.gql(
          `query($id: ID!) { opinionItem(id: $id) { title topic { id status decisionNote } } }`,
          { id },
          caller,
        )
      ).data.opinionItem;
    expect(await topicOf(member)).toEqual({ title: '农村客运班线减少群众出行难', topic: null });
    const { topic } = await topicOf(staff);
    const rejected = await wuyi.gql(
      `mutation($id: ID!) { rejectTopic(id: $id, meeting: "主席会议", reason: "已列入部门年度计划") { status } }`,
      { id: topic.id },
      staff,
    );
    expect(rejected.data.rejectTopic.status).toBe('REJECTED');
    expect((await topicOf(member)).topic).toBeNull();
    expect((await topicOf(staff)).topic).toEqual({
      id: topic.id,
      status: 'REJECTED',
      decisionNote: '已列入部门年度计划',
    });
  });

  it('raises a policy question to 金华, where it arrives in the inbox linked to the original', async () => {
    const id = await accepted('建议完善山区县医保异地就医直接结算政策');
    const state = async () =>
      (await wuyi.gql(`{ opinionItem(id: "${id}") { status route routedTo { code } } }`, {}, staff))
        .data.opinionItem;
    const before = await state();

    // Routed and referred together or not at all: when its referral cannot be recorded
    // (PostgreSQL refuses the command row), the item stays where it was, with no event.
    const db = wuyi.db('330723');
    await db.$executeRawUnsafe(`CREATE FUNCTION consultations_330723.refuse() RETURNS trigger
      LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'command store unavailable'; END $$`);
    await db.$executeRawUnsafe(`CREATE TRIGGER refuse BEFORE INSERT ON consultations_330723._command
      FOR EACH ROW EXECUTE FUNCTION consultations_330723.refuse()`);
    const events = await wuyi.eventsOf('330723', async () => {
      const failed = await wuyi.gql(route, { id, input: { nature: 'POLICY' } }, staff);
      expect(failed.errors).toHaveLength(1);
    });
    await db.$executeRawUnsafe('DROP TRIGGER refuse ON consultations_330723._command');
    await db.$executeRawUnsafe('DROP FUNCTION consultations_330723.refuse');
    expect(events).toEqual([]);
    expect(await state()).toEqual(before);

    const routed = await wuyi.gql(route, { id, input: { nature: 'POLICY' } }, staff);
    expect(routed.data.routeOpinionItem).toMatchObject({
      route: 'UPPER_LEVEL',
      routedTo: { code: '330700' },
    });
    const inbox = () =>
      jinhua
        .gql(
          `{ opinionItems(region: "330700") { edges { node { ${fields} } } } }`,
          {},
          { region: '330700' },
        )
        .then((r) => r.data.opinionItems.edges.map((e: { node: unknown }) => e.node));
    await expect.poll(inbox, { timeout: 10_000 }).toMatchObject([
      {
        status: 'SUBMITTED',
        sourceRegion: { code: '330723' },
        sourceItem: { id, title: '建议完善山区县医保异地就医直接结算政策' },
        submitter: { id: memberId },
      },
    ]);
  });

  it('has 金华 refer a concrete problem to 武义, where it happened (属地)', async () => {
    const city: TestCaller = { region: '330700' };
    const { id } = (
      await jinhua.gql(
        submit,
        { input: { ...item('桐琴镇老街路灯不亮', '330723102'), region: '330700' } },
        city,
      )
    ).data.submitOpinionItem;
    await jinhua.gql(review, { id, input: { accept: true } }, city);
    const routed = await jinhua.gql(route, { id, input: { nature: 'CONCRETE' } }, city);
    expect(routed.data.routeOpinionItem).toMatchObject({
      status: 'DISPATCHED',
      route: 'LOWER_LEVEL',
      routedTo: { code: '330723' },
    });
    const referred = () =>
      wuyi
        .gql(
          `{ opinionItems(region: "330723", status: SUBMITTED) { edges { node { title sourceRegion { code } } } } }`,
          {},
          staff,
        )
        .then((r) => r.data.opinionItems.edges.map((e: { node: unknown }) => e.node));
    await expect
      .poll(referred, { timeout: 10_000 })
      .toContainEqual({ title: '桐琴镇老街路灯不亮', sourceRegion: { code: '330700' } });
  });

  it('warns of an overdue item, and consolidates the index at 金华', async () => {
    const late = await accepted('桐琴镇污水管网破损');
    const past = await wuyi.gql(
      route,
      {
        id: late,
        input: { nature: 'CONCRETE', departments: [department], deadline: '2020-01-31' },
      },
      staff,
    );
    expect(past.errors?.[0]?.extensions).toMatchObject({
      reason: 'KIT_INVALID_INPUT',
      fields: { field: 'deadline' },
    });
    // an item from the earlier system, still with its department long after the deadline
    await wuyi.gql(
      `mutation($items: [ImportOpinionItemInput!]!) { importOpinionItems(region: "330723", items: $items) }`,
      {
        items: [
          {
            ...item('桐琴镇工业园区道路积水'),
            submitterId: memberId,
            status: 'DISPATCHED',
            route: 'DEPARTMENT',
            nature: 'CONCRETE',
            department,
            deadline: '2020-01-31',
            submittedAt: '2019-12-20T02:00:00Z',
          },
        ].map(({ region: _, ...record }) => record),
      },
      { region: '330723', roles: ['admin'] },
    );
    const [{ id }] = (
      await wuyi.gql(
        `{ opinionItems(region: "330723", first: 1) { edges { node { id } } } }`,
        {},
        staff,
      )
    ).data.opinionItems.edges.map((e: { node: { id: string } }) => e.node);
    const overdue = await wuyi.gql(
      `{ opinionItems(region: "330723", overdue: true) { totalCount edges { node { id colour } } } }`,
      {},
      staff,
    );
    expect(overdue.data.opinionItems).toEqual({
      totalCount: 1,
      edges: [{ node: { id, colour: 'RED' } }],
    });

    const index = `{ opinionIndex(region: "330700") { total { collected dispatched closed closureRate
      satisfactionRate overdue submitters activity } byRegion { region committee { code } collected rejected } } }`;
    // 7 at 武义 (1 rejected, 1 reviewed, 1 referred down; 4 dispatched, 1 closed and rated)
    // and 2 at 金华 (1 raised to it, 1 it referred down)
    await expect
      .poll(() => jinhua.gql(index, {}, { region: '330700' }).then((r) => r.data.opinionIndex), {
        timeout: 10_000,
      })
      .toEqual({
        total: {
          collected: 9,
          dispatched: 5,
          closed: 1,
          closureRate: 0.2,
          satisfactionRate: 1,
          overdue: 1,
          submitters: 1,
          activity: 7,
        },
        byRegion: [
          { region: '330700', committee: { code: '330700' }, collected: 2, rejected: 0 },
          { region: '330723', committee: { code: '330723' }, collected: 7, rejected: 1 },
        ],
      });
    // by the day submitted: the one from the earlier system alone in 2019
    const in2019 = await jinhua.gql(
      `{ opinionIndex(region: "330700", period: { year: 2019 }) { total { collected dispatched overdue } } }`,
      {},
      { region: '330700' },
    );
    expect(in2019.data.opinionIndex.total).toEqual({ collected: 1, dispatched: 1, overdue: 1 });
    const refused = await jinhua.gql(
      `{ opinionIndex(region: "330700", period: { from: "2019-12-31", to: "2019-01-01" }) { total { collected } } }`,
      {},
      { region: '330700' },
    );
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      reason: 'KIT_INVALID_PERIOD',
      fields: { field: 'from' },
    });
  });
});
