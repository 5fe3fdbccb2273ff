import type { EventEnvelope } from '@huishang/schema';
import { newAggregateId, newId } from '@huishang/subgraph-kit';
import { inDays, startTestSubgraph, type TestCaller } from '@huishang/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consultationsSubgraph } from '../src/index.js';

// 武义 supervises its own cases (湖州五步法), 金华 one of its own, and 金华's dashboard
// reads both: its own committee and 武义's from replicas.
const subgraph = await startTestSubgraph(consultationsSubgraph, {
  regions: ['330723', '330700'],
  label: 'supervision_statistics',
});
const { gql } = subgraph;
afterAll(subgraph.close);

const wuyi: TestCaller = { region: '330723' };
const jinhua: TestCaller = { region: '330700' };

const create = `mutation($input: CreateSupervisionTaskInput!) { createSupervisionTask(input: $input) { id } }`;
const step = `mutation($id: ID!, $input: SupervisionStepInput!) {
  recordSupervisionStep(id: $id, input: $input) { status } }`;
const figures = `region { code } total byStatus { status count } byColour { colour count } overdue reminders`;
const statistics = `query($region: ID!, $period: PeriodInput) {
  supervisionStatistics(region: $region, period: $period) {
    total { ${figures} } byRegion { ${figures} } } }`;

const opened = async (region: string, title: string, deadline?: string) => {
  const created = await gql(
    create,
    { input: { region, title, source: 'MEDIA', committee: '人口资源环境委员会', deadline } },
    { region },
  );
  expect(created.errors).toBeUndefined();
  return created.data.createSupervisionTask.id as string;
};
const take = async (id: string, input: object, caller: TestCaller = wuyi) => {
  const taken = await gql(step, { id, input }, caller);
  expect(taken.errors).toBeUndefined();
};

/**
 * 武义's task as 金华's replica holds it once its deadline has long passed: the created
 * event of `task`, for a task of its own created on `createdAt` with `deadline`.
 */
function pastTask(created: EventEnvelope, deadline: string, createdAt: string): EventEnvelope {
  const id = newAggregateId('330723');
  const snapshot = (created.payload as { snapshot: Record<string, unknown> }).snapshot;
  return {
    ...created,
    eventId: newId(),
    aggregate: { ...created.aggregate, id },
    payload: { ...created.payload, snapshot: { ...snapshot, id, deadline, createdAt } },
  };
}

beforeAll(async () => {
  // 武义: green, yellow, no deadline at the letter with two reminders, closed
  await opened('330723', '熟溪河沿岸排污口整治', '2099-12-31');
  await opened('330723', '农贸市场食品安全', inDays(3));
  const reminded = await opened('330723', '农村公路养护');
  await take(reminded, { action: 'INSPECT', note: '实地察看' });
  await take(reminded, { action: 'CONSULT', note: '协商座谈' });
  await take(reminded, {
    action: 'ISSUE_LETTER',
    note: '建议建立长效养护机制',
    handlingUnit: '武义县交通运输局',
  });
  await take(reminded, { action: 'REMIND', note: '请按期反馈' });
  await take(reminded, { action: 'REMIND', note: '再次催办' });
  const closed = await opened('330723', '城区停车秩序', '2099-06-30');
  for (const action of ['INSPECT', 'CONSULT'])
    await take(closed, { action, note: action === 'INSPECT' ? '察看' : '座谈' });
  await take(closed, { action: 'ISSUE_LETTER', note: '建议', handlingUnit: '武义县公安局' });
  await take(closed, { action: 'REMIND', note: '催办' });
  await take(
    closed,
    { action: 'FEEDBACK', note: '已整改' },
    { ...wuyi, roles: ['unit'], subject: '武义县公安局' },
  );
  await take(closed, { action: 'FOLLOW_UP', note: '回头看' });
  await take(closed, { action: 'CLOSE' });
  // 金华's own, yellow
  await opened('330700', '婺江水质监督', inDays(7));

  const events = (await subgraph.outbox('330723')).map((e) => e.envelope);
  for (const event of events) await subgraph.replicate('330700', event);
  const first = events.find((e) => e.type === 'supervision-task.created');
  if (!first) throw new Error('武义 recorded no task');
  await subgraph.replicate('330700', pastTask(first, '2020-01-31', '2019-12-20T02:00:00.000Z'));
});

describe('supervision statistics', () => {
  it('gives 金华 its subtree by step and colour, the overdue one and the reminders, by the next level down', async () => {
    const report = await gql(statistics, { region: '330700' }, jinhua);
    expect(report.errors).toBeUndefined();
    const wuyiFigures = {
      region: { code: '330723' },
      total: 5,
      byStatus: [
        { status: 'CLOSED', count: 1 },
        { status: 'DISPATCHED', count: 3 },
        { status: 'LETTER_ISSUED', count: 1 },
      ],
      byColour: [
        { colour: 'GREEN', count: 1 },
        { colour: 'RED', count: 1 },
        { colour: 'YELLOW', count: 1 },
      ],
      overdue: 1,
      reminders: 3,
    };
    const jinhuaOwn = {
      region: { code: '330700' },
      total: 1,
      byStatus: [{ status: 'DISPATCHED', count: 1 }],
      byColour: [{ colour: 'YELLOW', count: 1 }],
      overdue: 0,
      reminders: 0,
    };
    expect(report.data.supervisionStatistics).toEqual({
      total: {
        region: { code: '330700' },
        total: 6,
        byStatus: [
          { status: 'CLOSED', count: 1 },
          { status: 'DISPATCHED', count: 4 },
          { status: 'LETTER_ISSUED', count: 1 },
        ],
        byColour: [
          { colour: 'GREEN', count: 1 },
          { colour: 'RED', count: 1 },
          { colour: 'YELLOW', count: 2 },
        ],
        overdue: 1,
        reminders: 3,
      },
      byRegion: [jinhuaOwn, wuyiFigures],
    });
  });

  it('counts the colours each task shows', async () => {
    const tasks = await gql(
      `{ supervisionTasks(region: "330700", includeSubregions: true, first: 50) {
        edges { node { colour } } } }`,
      {},
      jinhua,
    );
    const colours = tasks.data.supervisionTasks.edges.map(
      (e: { node: { colour: string | null } }) => e.node.colour,
    );
    const count = (colour: string) => colours.filter((c: string | null) => c === colour).length;
    const { total } = (await gql(statistics, { region: '330700' }, jinhua)).data
      .supervisionStatistics;
    expect(total.byColour).toEqual(
      ['GREEN', 'RED', 'YELLOW'].map((colour) => ({ colour, count: count(colour) })),
    );
  });

  it('gives 武义 its own committee only, and refuses it 金华’s', async () => {
    const own = await gql(statistics, { region: '330723' }, wuyi);
    expect(own.data.supervisionStatistics.total).toMatchObject({ total: 4, overdue: 0 });
    expect(own.data.supervisionStatistics.byRegion).toHaveLength(1);
    // a county's staff reading through the city's node
    const refused = await gql(statistics, { region: '330700' }, { ...wuyi, node: '330700' });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(refused.data).toBeNull();
  });

  it('counts the tasks created (派单) within a period, by its days in Beijing', async () => {
    const read = async (period: object) =>
      (await gql(statistics, { region: '330700', period }, jinhua)).data.supervisionStatistics;
    const in2019 = await read({ year: 2019 });
    expect(in2019.total).toMatchObject({ total: 1, overdue: 1 });
    expect(in2019.byRegion).toEqual([expect.objectContaining({ region: { code: '330723' } })]);
    // 02:00 UTC on 20 December is 10:00 in Beijing: that day, not the one before
    expect((await read({ from: '2019-12-20', to: '2019-12-20' })).total.total).toBe(1);
    expect((await read({ to: '2019-12-19' })).total.total).toBe(0);
    expect((await read({ from: inDays(0) })).total).toMatchObject({ total: 5, overdue: 0 });
    expect((await read({ year: 2021 })).total.total).toBe(0);
  });

  it('refuses a period it cannot count, naming the field, before reading anything', async () => {
    subgraph.statements.length = 0;
    await gql(statistics, { region: '330700', period: { year: 2024 } }, jinhua);
    expect(subgraph.selectsFrom('supervision_task')).toBe(1);
    for (const [period, field] of [
      [{ year: 2024, from: '2024-01-01' }, 'year'],
      [{ from: '2024-07-01', to: '2024-06-30' }, 'from'],
      [{ to: '2024-02-30' }, 'to'],
      [{ term: 12 }, 'term'],
    ] as const) {
      subgraph.statements.length = 0;
      const refused = await gql(statistics, { region: '330700', period }, jinhua);
      expect(refused.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'KIT_INVALID_PERIOD',
        fields: { field },
      });
      expect(subgraph.selectsFrom('supervision_task')).toBe(0);
    }
  });
});
