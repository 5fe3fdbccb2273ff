import { validateEvent } from '@huishang/schema';
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
    },
    {
      id: '01970000-0000-7000-8000-000000000212',
      memberId: null,
      name: '陆建平',
      kind: 'OFFICIAL',
      affiliation: '平湖市农业农村局',
      attended: true,
    },
  ],
  suggestions: [
    {
      id: '01970000-0000-7000-8000-000000000221',
      text: '建立镇村两级运维责任清单',
      proposedBy: '沈丽华',
      adoption: 'ADOPTED',
    },
    {
      id: '01970000-0000-7000-8000-000000000222',
      text: '引入第三方专业运维并开展考核',
      proposedBy: null,
      adoption: 'PENDING',
    },
  ],
};

const task: SupervisionTaskRow = {
  id: '01970000-0000-7000-8000-000000000301',
  region: '330482',
  title: '农村生活污水治理设施运维情况专项监督',
  source: 'ADOPTED_SUGGESTION',
  committee: '农业和农村委员会',
  status: 'DISPATCHED',
  deadline: new Date('2025-09-30T00:00:00Z'),
  version: 1,
  createdAt,
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
  version: 1,
  createdAt,
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
    for (const name of ['created', 'participants-added', 'suggestions-recorded'] as const)
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

describe('supervision task and opinion item events', () => {
  it('carry the new record, as the contract expects', () => {
    const created = supervisionTaskEvent('created', task);
    expect(created).toMatchObject({
      type: 'supervision-task.created',
      aggregate: { type: 'supervision-task', id: task.id, version: 1 },
      payload: { snapshot: { deadline: '2025-09-30', createdAt: '2025-05-20T01:30:00.000Z' } },
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
