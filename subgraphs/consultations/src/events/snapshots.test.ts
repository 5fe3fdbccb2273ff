import { eventNames, validateEvent } from '@huishang/schema';
import { describe, expect, it } from 'vitest';
import {
  type ConsultationRows,
  consultationEvent,
  consultationRowsOf,
} from './consultation-snapshot.js';
import {
  type OpinionItemRow,
  opinionItemEvent,
  opinionItemRowOf,
} from './opinion-item-snapshot.js';
import {
  type SupervisionTaskRow,
  supervisionTaskEvent,
  supervisionTaskRowOf,
} from './supervision-task-snapshot.js';
import { type TopicRow, topicEvent, topicRowOf } from './topic-snapshot.js';

const createdAt = new Date('2025-05-20T01:30:00.000Z');

// 平湖 广陈镇民生议事堂: two participants, two suggestions, one adopted.
const hall: ConsultationRows = {
  id: '01970000-0000-7000-8000-000000000201',
  region: '330482',
  title: '农村生活污水治理设施长效运维',
  description: null,
  platform: 'LIVELIHOOD_HALL',
  topicSource: 'PUBLIC',
  stage: 'CONSULT',
  venue: '330482106',
  venueName: '广陈镇民生议事堂',
  heldOn: new Date('2025-05-20T00:00:00Z'),
  topicId: '01970000-0000-7000-8000-000000000200',
  lead: null,
  partyRegions: ['330400'],
  minutes: '协商纪要：建议建立镇村两级运维责任清单。',
  minutesSentAt: new Date('2025-05-22T02:00:00.000Z'),
  version: 4,
  createdAt,
  updatedAt: new Date('2025-05-21T08:00:00.000Z'),
  participants: [
    {
      id: '01970000-0000-7000-8000-000000000211',
      memberId: '01970000-0000-7000-8000-0000000000a1',
      name: '沈丽华',
      kind: 'MEMBER',
      affiliation: null,
      attended: true,
      contributedBy: null,
    },
    {
      id: '01970000-0000-7000-8000-000000000212',
      memberId: null,
      name: '陆建平',
      kind: 'OFFICIAL',
      affiliation: '平湖市农业农村局',
      attended: true,
      contributedBy: '330400',
    },
  ],
  suggestions: [
    {
      id: '01970000-0000-7000-8000-000000000221',
      text: '建立镇村两级运维责任清单',
      proposedBy: '沈丽华',
      adoption: 'ADOPTED',
      contributedBy: null,
      proposalId: '01970000-0000-7000-8000-000000000231',
      opinionItemId: null,
    },
    {
      id: '01970000-0000-7000-8000-000000000222',
      text: '引入第三方专业运维并开展考核',
      proposedBy: null,
      adoption: 'PENDING',
      contributedBy: '330400',
      proposalId: null,
      opinionItemId: null,
    },
  ],
  recipients: [
    {
      id: '01970000-0000-7000-8000-000000000241',
      name: '平湖市农业农村局',
      kind: 'DEPARTMENT',
      signedOffAt: new Date('2025-05-25T02:00:00.000Z'),
      answeredAt: null,
      answer: null,
    },
  ],
  evaluations: [
    {
      id: '01970000-0000-7000-8000-000000000251',
      party: 'MEMBERS',
      wellMade: 'GOOD',
      wellHandled: 'FAIR',
      consensus: 'GOOD',
      note: null,
    },
  ],
};

const task: SupervisionTaskRow = {
  id: '01970000-0000-7000-8000-000000000301',
  region: '330482',
  title: '农村生活污水治理设施运维情况专项监督',
  source: 'ADOPTED_SUGGESTION',
  committee: '农业和农村委员会',
  caseRef: '2025年平湖市政协十二届四次会议提案第88号答复',
  status: 'DISPATCHED',
  deadline: new Date('2025-09-30T00:00:00Z'),
  dispatchedBy: '330400',
  handlingUnit: '平湖市农业农村局',
  memberIds: ['01970000-0000-7000-8000-0000000000a1'],
  steps: [
    {
      action: 'INSPECT',
      at: '2025-06-03T02:00:00.000Z',
      by: 'staff-330482',
      note: '实地察看广陈镇终端处理设施',
      memberIds: ['01970000-0000-7000-8000-0000000000a1'],
    },
  ],
  version: 1,
  createdAt,
  updatedAt: createdAt,
};

const item: OpinionItemRow = {
  id: '01970000-0000-7000-8000-000000000401',
  region: '330482',
  title: '建议增设广陈镇农贸市场周边停车位',
  body: '早市时段农贸市场周边车辆乱停，影响通行。',
  category: '城乡建设',
  place: '330482106',
  submitterId: null,
  status: 'SUBMITTED',
  route: null,
  nature: null,
  rejectionReason: null,
  department: null,
  deadline: null,
  topicTitle: null,
  topicId: null,
  routedTo: null,
  sourceRegion: null,
  sourceItemId: null,
  handling: null,
  answer: null,
  satisfaction: null,
  dispatchedAt: null,
  closedAt: null,
  version: 1,
  createdAt,
  updatedAt: createdAt,
};

const envelope = (event: object) => ({
  eventId: '01970000-0000-7000-8000-0000000000e1',
  schemaVersion: 1,
  occurredAt: '2025-05-21T08:00:00.000Z',
  originRegion: '330482',
  trace: {},
  ...event,
});

describe('consultation events', () => {
  it('carries the consultation with its participants and suggestions at its new version', () => {
    const event = consultationEvent('adoption-set', hall);
    expect(event).toMatchObject({
      type: 'consultation.adoption-set',
      aggregate: { type: 'consultation', id: hall.id, version: 4 },
      payload: {
        snapshot: {
          heldOn: '2025-05-20',
          updatedAt: '2025-05-21T08:00:00.000Z',
          participants: [{ name: '沈丽华' }, { name: '陆建平', affiliation: '平湖市农业农村局' }],
          suggestions: [{ adoption: 'ADOPTED' }, { adoption: 'PENDING' }],
        },
      },
    });
    for (const name of eventNames.consultation)
      expect(validateEvent(envelope(consultationEvent(name, hall)))).toMatchObject({ ok: true });
    expect(validateEvent(envelope(event))).toMatchObject({ ok: true });
  });

  it('gives a replica back the rows the owner stored', () => {
    expect(consultationRowsOf(consultationEvent('created', hall).payload.snapshot)).toEqual(hall);
    const undated = { ...hall, heldOn: null, venue: null, venueName: null };
    expect(consultationRowsOf(consultationEvent('created', undated).payload.snapshot)).toEqual(
      undated,
    );
  });
});

describe('consultation topic events', () => {
  const topic: TopicRow = {
    id: '01970000-0000-7000-8000-000000000301',
    region: '330482',
    title: '南市楼宇停车难问题',
    description: null,
    source: 'PUBLIC',
    proposedBy: null,
    status: 'APPROVED',
    decidedBy: '十届市政协第十二次主席会议',
    decidedAt: new Date('2020-03-02T06:00:00.000Z'),
    decisionNote: null,
    planYear: 2020,
    platform: 'PLEASE_COME_AND_CONSULT',
    lead: 'LEADERS',
    version: 2,
    createdAt,
  };

  it('carry the topic and the chair meeting’s decision, and give the rows back', () => {
    for (const name of ['submitted', 'approved', 'rejected'] as const)
      expect(validateEvent(envelope(topicEvent(name, topic)))).toMatchObject({ ok: true });
    expect(topicRowOf(topicEvent('approved', topic).payload.snapshot)).toEqual(topic);
  });
});

describe('supervision task and opinion item events', () => {
  it('carry the new record, as the contract expects', () => {
    const created = supervisionTaskEvent('created', task);
    expect(created).toMatchObject({
      type: 'supervision-task.created',
      aggregate: { type: 'supervision-task', id: task.id, version: 1 },
      payload: {
        snapshot: {
          deadline: '2025-09-30',
          createdAt: '2025-05-20T01:30:00.000Z',
          letter: null,
          feedback: null,
          reminders: 0,
        },
      },
    });
    expect(validateEvent(envelope(created))).toMatchObject({ ok: true });

    const submitted = opinionItemEvent('submitted', item);
    expect(submitted).toMatchObject({
      type: 'opinion-item.submitted',
      aggregate: { type: 'opinion-item', id: item.id, version: 1 },
      payload: { snapshot: { place: '330482106', route: null } },
    });
    expect(validateEvent(envelope(submitted))).toMatchObject({ ok: true });
  });

  it('give a replica back the rows the owner stored', () => {
    expect(supervisionTaskRowOf(supervisionTaskEvent('created', task).payload.snapshot)).toEqual(
      task,
    );
    const undated = { ...task, deadline: null };
    expect(supervisionTaskRowOf(supervisionTaskEvent('created', undated).payload.snapshot)).toEqual(
      undated,
    );
    expect(opinionItemRowOf(opinionItemEvent('submitted', item).payload.snapshot)).toEqual(item);
    const rated = {
      ...item,
      status: 'RATED' as const,
      route: 'DEPARTMENT' as const,
      nature: 'CONCRETE' as const,
      department: '平湖市交通运输局',
      deadline: new Date('2025-06-30T00:00:00Z'),
      answer: '已增设临时停车泊位 40 个',
      satisfaction: 'SATISFIED' as const,
      dispatchedAt: new Date('2025-05-22T01:00:00.000Z'),
      closedAt: new Date('2025-06-20T01:00:00.000Z'),
      version: 6,
    };
    expect(opinionItemRowOf(opinionItemEvent('rated', rated).payload.snapshot)).toEqual(rated);
    expect(validateEvent(envelope(opinionItemEvent('rated', rated)))).toMatchObject({ ok: true });
    expect(
      validateEvent(envelope(supervisionTaskEvent('step-taken', { ...task, version: 2 }))),
    ).toMatchObject({ ok: true });
  });

  it('are refused by the contract when the snapshot names another aggregate', () => {
    const event = supervisionTaskEvent('created', task);
    const misfiled = envelope({
      ...event,
      aggregate: { ...event.aggregate, type: 'opinion-item' },
    });
    expect(validateEvent(misfiled)).toMatchObject({ ok: false });
  });
});
