import { schedulerName } from '@huishang/subgraph-kit';
import {
  inDays,
  readInbox,
  startTestSubgraph,
  type TestCaller,
  waitUntil,
} from '@huishang/subgraph-kit/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { proposalsSubgraph } from '../src/index.js';
import { sweepProposalReminders } from '../src/reminder-sweep.js';
import { handlingRecord, importMutation } from './historical-records.js';

// Nanxun 330503 owns the proposals and reminds; Huzhou 330500 is its city.
// Two more processes of the node (`processes`) share its database, each with its scheduler.
const subgraph = await startTestSubgraph(proposalsSubgraph, {
  regions: ['330503', '330500'],
  label: 'proposals_reminders',
  processes: 2,
});
const { gql, processes } = subgraph;
afterAll(() => subgraph.close());

const leadUnit = '南浔区农业农村局';
const coUnit = '南浔区生态环境分局';
const admin: TestCaller = { region: '330503', roles: ['admin'] };
const staff: TestCaller = { region: '330503', roles: ['staff'] };
const lead: TestCaller = { region: '330503', roles: ['unit'], subject: leadUnit };
const co: TestCaller = { region: '330503', roles: ['unit'], subject: coUnit };
const otherUnit: TestCaller = { region: '330503', roles: ['unit'], subject: '南浔区交通运输局' };
const reader: TestCaller = { region: '330503', roles: ['reader'] };
const cityStaff: TestCaller = { region: '330500', roles: ['staff'] };

const titles = {
  green: '关于加快农村公路提档升级的建议',
  yellow: '关于推进农村生活污水治理设施长效运维的建议',
  red: '关于规范城区共享单车停放的建议',
};
const units = [
  { name: leadUnit, role: 'LEAD' },
  { name: coUnit, role: 'CO' },
];

const markRead = `mutation($id: ID!) { markTaskRead(id: $id) { id readAt } }`;
const urgesOf = `query($id: ID!) { proposal(id: $id) { version urges { kind by note } } }`;

const tasksOf = (caller: TestCaller, region = caller.region) =>
  readInbox(subgraph, 'myTasks', caller, region);

const reminderCount = async () => (await subgraph.db('330503').reminder.count()) as number;
const remindedEvents = async () =>
  (await subgraph.outbox('330503')).filter((r) => r.envelope.type === 'proposal.reminded').length;

const ids: Record<keyof typeof titles, string> = { green: '', yellow: '', red: '' };

describe('reminders that go out by themselves', () => {
  it('reminds each proposal that turned yellow or red once, on the proposal and in the inboxes', async () => {
    const result = await gql(
      importMutation,
      {
        region: '330503',
        records: [
          handlingRecord(inDays(40), { number: 1, title: titles.green, units, itemReplies: [] }),
          handlingRecord(inDays(3), { number: 2, title: titles.yellow, units, itemReplies: [] }),
          handlingRecord(inDays(-2), { number: 3, title: titles.red, units, itemReplies: [] }),
        ],
      },
      admin,
    );
    expect(result.errors).toBeUndefined();
    const [green, yellow, red] = result.data.importProposals.proposals.map(
      (p: { id: string }) => p.id,
    );
    Object.assign(ids, { green, yellow, red });

    const events = await subgraph.eventsOf('330503', async () => {
      expect(await sweepProposalReminders(subgraph.db('330503'), '330503', new Date())).toBe(2);
    });
    expect(events.map((e) => [e.envelope.type, e.envelope.aggregate.id]).sort()).toEqual(
      [
        ['proposal.reminded', yellow],
        ['proposal.reminded', red],
      ].sort(),
    );
    // recorded on the proposal as a manual 催办 is: its event carries the new urge
    const proposal = (await gql(urgesOf, { id: yellow }, staff)).data.proposal;
    expect(proposal).toEqual({
      version: 2,
      urges: [
        {
          kind: 'REMIND',
          by: schedulerName,
          note: `提案《${titles.yellow}》办理期限将至（黄色预警）`,
        },
      ],
    });
    expect((await gql(urgesOf, { id: green }, staff)).data.proposal.urges).toEqual([]);

    // Huzhou sees the 催办 from its replica, and never reminds a replica itself
    for (const { envelope } of await subgraph.outbox('330503'))
      expect(await subgraph.replicate('330500', envelope)).toBe(true);
    expect((await gql(urgesOf, { id: red }, cityStaff)).data.proposal.urges).toEqual([
      {
        kind: 'REMIND',
        by: schedulerName,
        note: `提案《${titles.red}》已超过办理期限（红色预警）`,
      },
    ]);
    expect(await sweepProposalReminders(subgraph.db('330500'), '330500', new Date())).toBe(0);

    const inbox = await tasksOf(staff);
    expect(inbox.map((t) => [t.recordId, t.colour, t.reason]).sort()).toEqual(
      [
        [yellow, 'YELLOW', `提案《${titles.yellow}》办理期限将至（黄色预警）`],
        [red, 'RED', `提案《${titles.red}》已超过办理期限（红色预警）`],
      ].sort(),
    );
    expect(inbox[0]).toMatchObject({ kind: 'PROPOSAL', readAt: null });
    expect(inbox.map((t) => t.proposal?.id).sort()).toEqual([yellow, red].sort());
  });

  it('records nothing more on a second sweep, nor when two processes sweep at the same moment', async () => {
    const before = { reminders: await reminderCount(), events: await remindedEvents() };
    expect(before).toEqual({ reminders: 2, events: 2 });
    expect(await sweepProposalReminders(subgraph.db('330503'), '330503', new Date())).toBe(0);
    await Promise.all(processes.map((app) => app.sweeps?.runNow()));
    expect({ reminders: await reminderCount(), events: await remindedEvents() }).toEqual(before);
  });

  it('reminds once more when a yellow proposal turns red, whichever process sweeps first', async () => {
    // the clock moved on: the yellow proposal's deadline passed while it was handled
    await subgraph.db('330503').proposal.update({
      where: { id: ids.yellow },
      data: {
        deadline: new Date(`${inDays(-1)}T00:00:00Z`),
        yellowFrom: new Date(`${inDays(-8)}T00:00:00Z`),
      },
    });
    await Promise.all(processes.map((app) => app.sweeps?.runNow()));
    expect(await reminderCount()).toBe(3);
    expect(await remindedEvents()).toBe(3);
    const colours = (await tasksOf(staff))
      .filter((t) => t.recordId === ids.yellow)
      .map((t) => t.colour);
    expect(colours).toEqual(['RED', 'YELLOW']);
  });

  it('shows the reminders to the staff and to the units, and to nobody else', async () => {
    expect((await tasksOf(staff)).length).toBe(3);
    expect((await tasksOf(lead)).length).toBe(3);
    expect((await tasksOf(co)).map((t) => t.title).sort()).toEqual(
      [titles.red, titles.yellow, titles.yellow].sort(),
    );
    expect(await tasksOf(otherUnit)).toEqual([]);
    expect(await tasksOf(reader)).toEqual([]);
    expect(await tasksOf({ region: '330503', roles: ['member'], subject: leadUnit })).toEqual([]);
    // city staff see nothing of the county's inbox, here or at their own node
    expect(await tasksOf(cityStaff)).toEqual([]);
    expect(await tasksOf(cityStaff, '330503')).toEqual([]);
    expect(await tasksOf({ ...staff, node: '330500' })).toEqual([]);
  });

  it('marks a task read for its own inbox only', async () => {
    const [task] = await tasksOf(lead);
    if (!task) throw new Error('no task');
    for (const caller of [co, staff, reader, otherUnit]) {
      const refused = await gql(markRead, { id: task.id }, caller);
      expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    const read = await gql(markRead, { id: task.id }, lead);
    expect(read.errors).toBeUndefined();
    expect(read.data.markTaskRead.readAt).toEqual(expect.any(String));
    const again = await gql(markRead, { id: task.id }, lead);
    expect(again.data.markTaskRead.readAt).toBe(read.data.markTaskRead.readAt);
    expect((await tasksOf(lead)).find((t) => t.id === task.id)?.readAt).toBe(
      read.data.markTaskRead.readAt,
    );
    // the staff's copy of the same reminder is theirs to read
    expect((await tasksOf(staff)).every((t) => t.readAt === null)).toBe(true);
  });
});

describe('the scheduler of a running node', () => {
  it('sweeps by itself at its interval, and stops when the node closes', async () => {
    const node = await startTestSubgraph(proposalsSubgraph, {
      regions: ['330503'],
      label: 'proposals_reminders_clock',
      reminderSweepMs: 1_000,
    });
    try {
      const imported = await node.gql(
        importMutation,
        {
          region: '330503',
          records: [handlingRecord(inDays(-5), { title: titles.red, units, itemReplies: [] })],
        },
        admin,
      );
      expect(imported.errors).toBeUndefined();
      const inbox = () => readInbox(node, 'myTasks', lead);
      await waitUntil(async () => (await inbox()).length === 1, {
        what: 'the scheduler to remind the overdue proposal',
        ms: 10_000,
      });
      expect((await inbox())[0]?.reason).toBe(`提案《${titles.red}》已超过办理期限（红色预警）`);
    } finally {
      await node.close();
    }
  });
});
