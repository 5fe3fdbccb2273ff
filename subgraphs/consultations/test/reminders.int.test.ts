import { schedulerName } from '@huishang/subgraph-kit';
import {
  inDays,
  readInbox,
  startTestSubgraph,
  type TestCaller,
} from '@huishang/subgraph-kit/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { consultationsSubgraph } from '../src/index.js';
import { sweepConsultationReminders } from '../src/reminder-sweep.js';

// 武义 330723 owns the supervision tasks and opinion items and reminds; 金华 330700 is its city.
// Two more processes of the node (`processes`) share its database, each with its scheduler.
const subgraph = await startTestSubgraph(consultationsSubgraph, {
  regions: ['330723', '330700'],
  label: 'consultations_reminders',
  processes: 2,
});
const { gql, processes } = subgraph;
afterAll(() => subgraph.close());

const unitName = '武义县生态环境分局';
const department = '武义县住房和城乡建设局';
const staff: TestCaller = { region: '330723', roles: ['staff'] };
const unit: TestCaller = { region: '330723', roles: ['unit'], subject: unitName };
const dept: TestCaller = { region: '330723', roles: ['unit'], subject: department };
const reader: TestCaller = { region: '330723', roles: ['reader'] };
const member: TestCaller = {
  region: '330723',
  roles: ['member'],
  subject: '01970000-0000-7000-8000-0000000000b1',
};
const cityStaff: TestCaller = { region: '330700', roles: ['staff'] };

const create = `mutation($input: CreateSupervisionTaskInput!) { createSupervisionTask(input: $input) { id } }`;
const step = `mutation($id: ID!, $input: SupervisionStepInput!) {
  recordSupervisionStep(id: $id, input: $input) { id status reminders } }`;
const taskOf = `query($id: ID!) { supervisionTask(id: $id) { version reminders steps { action by note } } }`;
const markRead = `mutation($id: ID!) { markConsultationTaskRead(id: $id) { id readAt } }`;

const tasksOf = (caller: TestCaller, region = caller.region) =>
  readInbox(subgraph, 'myConsultationTasks', caller, region);

const ok = (result: { errors?: unknown; data: Record<string, { id: string }> }) => {
  expect(result.errors).toBeUndefined();
  return Object.values(result.data)[0] as { id: string };
};

const titles = {
  letter: '熟溪河沿岸排污口整治民主监督',
  overdue: '城区老旧小区加装电梯民主监督',
  green: '农村饮用水安全民主监督',
  opinion: '柳城畲族镇老街路灯损坏',
};
const ids = { letter: '', overdue: '', green: '', opinion: '' };
const reminderCount = () => subgraph.db('330723').reminder.count();

describe('reminders of supervision tasks and opinion items', () => {
  it('reminds each record that turned yellow or red once, with a REMIND step where the unit handles it', async () => {
    const open = async (title: string, deadline: string) =>
      ok(
        await gql(
          create,
          {
            input: {
              region: '330723',
              title,
              source: 'MEDIA',
              committee: '人口资源环境委员会',
              deadline,
            },
          },
          staff,
        ),
      ).id;
    ids.letter = await open(titles.letter, inDays(30));
    for (const input of [
      { action: 'INSPECT', note: '实地察看排污口 12 处' },
      { action: 'CONSULT', note: '协商座谈' },
      {
        action: 'ISSUE_LETTER',
        note: '建议建立排污口长效巡查机制',
        handlingUnit: unitName,
        deadline: inDays(3),
      },
    ])
      ok(await gql(step, { id: ids.letter, input }, staff));
    ids.overdue = await open(titles.overdue, inDays(10));
    // the deadline passed before the committee issued its letter: nothing but the clock changed
    await subgraph.db('330723').supervisionTask.update({
      where: { id: ids.overdue },
      data: { deadline: new Date(`${inDays(-2)}T00:00:00Z`) },
    });
    ids.green = await open(titles.green, inDays(40));

    const submitted = ok(
      await gql(
        `mutation($input: SubmitOpinionItemInput!) { submitOpinionItem(input: $input) { id } }`,
        {
          input: {
            region: '330723',
            title: titles.opinion,
            body: `${titles.opinion}，群众反映强烈，请有关部门研究解决。`,
            category: '城乡建设',
            place: '330723100',
          },
        },
        member,
      ),
    );
    ids.opinion = submitted.id;
    ok(
      await gql(
        `mutation($id: ID!) { reviewOpinionItem(id: $id, input: { accept: true }) { id } }`,
        { id: ids.opinion },
        staff,
      ),
    );
    ok(
      await gql(
        `mutation($id: ID!, $input: RouteOpinionItemInput!) { routeOpinionItem(id: $id, input: $input) { id } }`,
        {
          id: ids.opinion,
          input: { nature: 'CONCRETE', departments: [department], deadline: inDays(1) },
        },
        staff,
      ),
    );

    const events = await subgraph.eventsOf('330723', async () => {
      expect(await sweepConsultationReminders(subgraph.db('330723'), '330723', new Date())).toBe(3);
    });
    // only the task whose unit is handling it takes a REMIND step
    expect(events.map((e) => [e.envelope.type, e.envelope.aggregate.id])).toEqual([
      ['supervision-task.step-taken', ids.letter],
    ]);
    const letter = (await gql(taskOf, { id: ids.letter }, staff)).data.supervisionTask;
    expect(letter.reminders).toBe(1);
    expect(letter.steps.at(-1)).toEqual({
      action: 'REMIND',
      by: schedulerName,
      note: `监督事项《${titles.letter}》办理期限将至（黄色预警）`,
    });
    expect((await gql(taskOf, { id: ids.overdue }, staff)).data.supervisionTask.reminders).toBe(0);

    expect(
      (await tasksOf(staff)).map((t) => [t.kind, t.recordId, t.colour, t.reason]).sort(),
    ).toEqual(
      [
        [
          'SUPERVISION_TASK',
          ids.letter,
          'YELLOW',
          `监督事项《${titles.letter}》办理期限将至（黄色预警）`,
        ],
        [
          'SUPERVISION_TASK',
          ids.overdue,
          'RED',
          `监督事项《${titles.overdue}》已超过办理期限（红色预警）`,
        ],
        [
          'OPINION_ITEM',
          ids.opinion,
          'YELLOW',
          `社情民意《${titles.opinion}》办理期限将至（黄色预警）`,
        ],
      ].sort(),
    );
  });

  it('records nothing more on a second sweep, nor when two processes sweep at the same moment', async () => {
    const before = {
      reminders: await reminderCount(),
      outbox: (await subgraph.outbox('330723')).length,
    };
    expect(await sweepConsultationReminders(subgraph.db('330723'), '330723', new Date())).toBe(0);
    await Promise.all(processes.map((app) => app.sweeps?.runNow()));
    expect({
      reminders: await reminderCount(),
      outbox: (await subgraph.outbox('330723')).length,
    }).toEqual(before);
  });

  it('shows the reminders to the staff, the unit and the department, and to nobody else', async () => {
    expect((await tasksOf(staff)).length).toBe(3);
    expect((await tasksOf(unit)).map((t) => t.recordId)).toEqual([ids.letter]);
    expect((await tasksOf(dept)).map((t) => t.recordId)).toEqual([ids.opinion]);
    expect(await tasksOf(reader)).toEqual([]);
    expect(await tasksOf(member)).toEqual([]);
    expect(await tasksOf(cityStaff)).toEqual([]);
    expect(await tasksOf(cityStaff, '330723')).toEqual([]);
    expect((await tasksOf(staff)).every((t) => t.proposal === null)).toBe(true);

    const [mine] = await tasksOf(unit);
    if (!mine) throw new Error('no task');
    for (const caller of [dept, staff, reader]) {
      const refused = await gql(markRead, { id: mine.id }, caller);
      expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    const read = await gql(markRead, { id: mine.id }, unit);
    expect(read.errors).toBeUndefined();
    expect((await tasksOf(unit))[0]?.readAt).toBe(read.data.markConsultationTaskRead.readAt);
    expect(read.data.markConsultationTaskRead.readAt).toEqual(expect.any(String));
  });
});
