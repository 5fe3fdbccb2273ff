import { findReminderCandidates } from '@huishang/subgraph-kit';
import { readInbox, startTestSubgraph, type TestCaller } from '@huishang/subgraph-kit/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { minutesReminderScan } from '../src/data/reminders.js';
import { consultationsSubgraph } from '../src/index.js';
import { sweepConsultationReminders } from '../src/reminder-sweep.js';
import { approvedTopic } from './topics.js';

// 武义 330723 sends the minutes of two consultations and reminds their recipients, each for
// its sign-off (7 days) and its answer (3 months) as deadlines of their own.
const subgraph = await startTestSubgraph(consultationsSubgraph, {
  regions: ['330723'],
  label: 'consultations_minutes_reminders',
});
const { gql } = subgraph;
afterAll(() => subgraph.close());

const government = '武义县人民政府';
const housing = '武义县住房和城乡建设局';
const staff: TestCaller = { region: '330723', roles: ['staff'] };
const unitOf = (name: string): TestCaller => ({ region: '330723', roles: ['unit'], subject: name });
const reader: TestCaller = { region: '330723', roles: ['reader'] };
const dayMs = 86_400_000;

const tasksOf = (caller: TestCaller) =>
  readInbox(subgraph, 'myConsultationTasks', caller, '330723');
const sweep = (now = new Date()) =>
  sweepConsultationReminders(subgraph.db('330723'), '330723', now);
const reminderCount = () =>
  subgraph.db('330723').reminder.count({ where: { kind: 'CONSULTATION_MINUTE' } });

const ok = <T>(result: { errors?: unknown; data: Record<string, T> }) => {
  expect(result.errors).toBeUndefined();
  return Object.values(result.data)[0] as T;
};

/** A consultation on an approved topic through to its minutes, sent to `recipients`. */
async function sentMinutes(title: string, recipients: { name: string; kind: string }[]) {
  const topicId = await approvedTopic(gql, {
    region: '330723',
    title,
    platform: 'PLEASE_COME_AND_CONSULT',
    lead: 'LEADERS',
  });
  const { id } = ok<{ id: string }>(
    await gql(
      `mutation($input: CreateConsultationInput!) { createConsultation(input: $input) { id } }`,
      { input: { region: '330723', topicId, venue: '330723', heldOn: '2025-08-05' } },
      staff,
    ),
  );
  for (const to of ['PLAN', 'RESEARCH', 'CONSULT', 'REPORT'])
    ok(
      await gql(
        `mutation($id: ID!, $to: ConsultationStage!) { advanceConsultation(id: $id, to: $to) { id } }`,
        { id, to },
        staff,
      ),
    );
  const sent = ok<{ recipients: { id: string; name: string }[] }>(
    await gql(
      `mutation($id: ID!, $r: [RecipientInput!]!) { sendConsultationMinutes(consultationId: $id, minutes: "协商纪要：围绕议题提出建议三条。", recipients: $r) { recipients { id name } } }`,
      { id, r: recipients },
      staff,
    ),
  );
  return { id, recipients: Object.fromEntries(sent.recipients.map((r) => [r.name, r.id])) };
}

/** The minutes went out `days` ago: nothing but the clock changed. */
const sentDaysAgo = (id: string, days: number) =>
  subgraph.db('330723').consultation.update({
    where: { id },
    data: { minutesSentAt: new Date(Date.now() - days * dayMs) },
  });

const signOff = async (recipientId: string, caller: TestCaller) =>
  ok(
    await gql(
      `mutation($id: ID!) { signOffMinutes(recipientId: $id) { id } }`,
      { id: recipientId },
      caller,
    ),
  );

const titles = { recent: '城乡风貌整治提升', late: '农村生活污水治理' };
const ids = {
  recent: { id: '', recipients: {} as Record<string, string> },
  late: { id: '', recipients: {} as Record<string, string> },
};
const tasksAs = async (caller: TestCaller) =>
  (await tasksOf(caller)).map((t) => [t.kind, t.recordId, t.title, t.colour, t.reason]).sort();

describe('reminders of the recipients of consultation minutes', () => {
  it('reminds each open step that turned yellow or red once, for its own deadline', async () => {
    const both = [
      { name: government, kind: 'GOVERNMENT' },
      { name: housing, kind: 'DEPARTMENT' },
    ];
    ids.recent = await sentMinutes(titles.recent, both);
    ids.late = await sentMinutes(titles.late, both);
    // sent 6 days ago: the sign-off is due tomorrow (yellow); the department signed off
    await sentDaysAgo(ids.recent.id, 6);
    await signOff(ids.recent.recipients[housing] as string, unitOf(housing));
    // sent 100 days ago: the answer is overdue as well; the department signed off
    await sentDaysAgo(ids.late.id, 100);
    await signOff(ids.late.recipients[housing] as string, staff);

    const events = await subgraph.eventsOf('330723', async () => {
      expect(await sweep()).toBe(4);
    });
    // the minutes have no reminder step: inbox only, no event
    expect(events).toEqual([]);

    const recentGov = ids.recent.recipients[government];
    const lateGov = ids.late.recipients[government];
    const lateHousing = ids.late.recipients[housing];
    const signOffWarning = (title: string, name: string, colour: 'YELLOW' | 'RED') =>
      `协商纪要《${title}》送达${name}待签收，${colour === 'YELLOW' ? '签收期限将至（黄色预警）' : '已超过签收期限（红色预警）'}`;
    const answerRed = (title: string, name: string) =>
      `协商纪要《${title}》送达${name}待答复，已超过答复期限（红色预警）`;
    expect(await tasksAs(staff)).toEqual(
      [
        [
          'CONSULTATION_MINUTE',
          recentGov,
          titles.recent,
          'YELLOW',
          signOffWarning(titles.recent, government, 'YELLOW'),
        ],
        [
          'CONSULTATION_MINUTE',
          lateGov,
          titles.late,
          'RED',
          signOffWarning(titles.late, government, 'RED'),
        ],
        ['CONSULTATION_MINUTE', lateGov, titles.late, 'RED', answerRed(titles.late, government)],
        ['CONSULTATION_MINUTE', lateHousing, titles.late, 'RED', answerRed(titles.late, housing)],
      ].sort(),
    );
    const deadlines = await subgraph.db('330723').reminder.findMany({
      where: { recordId: lateGov },
      select: { deadline: true },
      orderBy: { deadline: 'asc' },
    });
    expect(deadlines).toHaveLength(2);
  });

  it('records nothing more on a second sweep, and once more when a step turns red', async () => {
    const before = {
      reminders: await reminderCount(),
      outbox: (await subgraph.outbox('330723')).length,
    };
    expect(await sweep()).toBe(0);
    // the deadlines the scan derives in SQL are those the reminders were keyed by
    for (const step of ['SIGN_OFF', 'ANSWER'] as const)
      expect(
        await findReminderCandidates(
          subgraph.db('330723'),
          minutesReminderScan(step, new Date()),
          '330723',
          null,
          100,
        ),
      ).toEqual([]);
    expect({
      reminders: await reminderCount(),
      outbox: (await subgraph.outbox('330723')).length,
    }).toEqual(before);

    // two days on, the recent sign-off is overdue: one more, then none again
    const later = new Date(Date.now() + 2 * dayMs);
    expect(await sweep(later)).toBe(1);
    expect(await sweep(later)).toBe(0);
    const recentGov = ids.recent.recipients[government];
    expect(
      (await tasksOf(staff)).filter((t) => t.recordId === recentGov).map((t) => t.colour),
    ).toEqual(['RED', 'YELLOW']);
  });

  it('shows the reminders to the staff and to each recipient as a unit, to nobody else', async () => {
    expect((await tasksOf(staff)).length).toBe(5);
    expect((await tasksOf(unitOf(government))).length).toBe(4);
    expect((await tasksOf(unitOf(housing))).map((t) => t.recordId)).toEqual([
      ids.late.recipients[housing],
    ]);
    expect(await tasksOf(unitOf('武义县民政局'))).toEqual([]);
    expect(await tasksOf(reader)).toEqual([]);
  });
});
