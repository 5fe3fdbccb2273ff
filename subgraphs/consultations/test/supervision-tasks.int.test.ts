import { startTestSubgraph, type TestCaller } from '@huishang/subgraph-kit/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { consultationsSubgraph } from '../src/index.js';

// 武义 runs a 《看见》-style supervision of its own (湖州五步法), and 金华 reads it from a replica.
const subgraph = await startTestSubgraph(consultationsSubgraph, { regions: ['330723', '330700'] });
const { gql } = subgraph;
afterAll(subgraph.close);

const wuyi: TestCaller = { region: '330723' };
const unit: TestCaller = { region: '330723', roles: ['unit'], subject: '武义县生态环境分局' };
const memberA = '01970000-0000-7000-8000-0000000000a1';
const memberB = '01970000-0000-7000-8000-0000000000a2';

const fields = `id status colour reminders handlingUnit letter feedback version allowedActions
  members { id } steps { action by note members { id } }`;
const create = `mutation($input: CreateSupervisionTaskInput!) { createSupervisionTask(input: $input) { ${fields} } }`;
const step = `mutation($id: ID!, $input: SupervisionStepInput!) {
  recordSupervisionStep(id: $id, input: $input) { ${fields} } }`;

/** A task 武义's staff open themselves, without a deadline. */
const opened = async (title: string, source: string, committee: string) =>
  (await gql(create, { input: { region: '330723', title, source, committee } })).data
    .createSupervisionTask;
const take = (id: string, input: object, caller: TestCaller = wuyi) =>
  gql(step, { id, input }, caller);

describe('supervision tasks', () => {
  it('walks 派单, inspection, consultation, the letter, 催办, feedback and 回头看 to closing', async () => {
    const created = await gql(create, {
      input: {
        region: '330723',
        title: '熟溪河沿岸排污口整治民主监督',
        source: 'MEDIA',
        committee: '人口资源环境委员会',
        deadline: '2099-12-31',
      },
    });
    expect(created.errors).toBeUndefined();
    const { id } = created.data.createSupervisionTask;
    expect(created.data.createSupervisionTask).toMatchObject({
      status: 'DISPATCHED',
      colour: 'GREEN',
      version: 1,
      allowedActions: ['INSPECT'],
    });

    const events = await subgraph.eventsOf('330723', async () => {
      await take(id, {
        action: 'INSPECT',
        note: '实地察看壶山街道段排污口 12 处',
        memberIds: [memberA],
      });
      await take(id, {
        action: 'CONSULT',
        note: '在壶山街道民生议事堂协商座谈',
        memberIds: [memberA, memberB],
      });
      await take(id, {
        action: 'ISSUE_LETTER',
        note: '建议建立排污口长效巡查和销号机制',
        handlingUnit: '武义县生态环境分局',
        deadline: '2099-11-30',
      });
      await take(id, { action: 'REMIND', note: '请按期反馈整改情况' });
    });
    expect(events.map((e) => [e.envelope.type, e.envelope.aggregate.version])).toEqual([
      ['supervision-task.step-taken', 2],
      ['supervision-task.step-taken', 3],
      ['supervision-task.step-taken', 4],
      ['supervision-task.step-taken', 5],
    ]);
    // the members who joined travel in the snapshot, for their duty records
    expect(events.at(-1)?.envelope.payload).toMatchObject({
      snapshot: { memberIds: [memberA, memberB], reminders: 1, status: 'LETTER_ISSUED' },
    });

    const fedBack = await take(id, { action: 'FEEDBACK', note: '12 处排污口已完成整治销号' }, unit);
    expect(fedBack.errors).toBeUndefined();
    await take(id, { action: 'FOLLOW_UP', note: '回头看：整治到位，无反弹', memberIds: [memberB] });
    const closed = (await take(id, { action: 'CLOSE' })).data.recordSupervisionStep;
    expect(closed).toMatchObject({
      status: 'CLOSED',
      colour: null,
      reminders: 1,
      handlingUnit: '武义县生态环境分局',
      letter: '建议建立排污口长效巡查和销号机制',
      feedback: '12 处排污口已完成整治销号',
      version: 8,
      allowedActions: [],
      members: [{ id: memberA }, { id: memberB }],
    });
    expect(closed.steps.map((s: { action: string }) => s.action)).toEqual([
      'INSPECT',
      'CONSULT',
      'ISSUE_LETTER',
      'REMIND',
      'FEEDBACK',
      'FOLLOW_UP',
      'CLOSE',
    ]);
    expect(closed.steps[4]).toMatchObject({ by: '武义县生态环境分局' });

    // 金华 applies the events and reads the same task at its own node
    for (const event of await subgraph.outbox('330723'))
      await subgraph.replicate('330700', event.envelope);
    const atJinhua = await gql(
      `query($id: ID!) { supervisionTask(id: $id) { status version members { id } } }`,
      { id },
      { region: '330700' },
    );
    expect(atJinhua.data.supervisionTask).toEqual({
      status: 'CLOSED',
      version: 8,
      members: [{ id: memberA }, { id: memberB }],
    });
  });

  it('refuses a step out of order, naming the state, and changes nothing', async () => {
    const { id } = await opened('农村公路养护监督', 'PROPOSAL_REPLY', '经济委员会');
    const refused = await take(id, {
      action: 'ISSUE_LETTER',
      note: '建议',
      handlingUnit: '武义县交通运输局',
    });
    expect(refused.errors?.[0]).toMatchObject({
      message: expect.stringContaining('已派单'),
      extensions: {
        code: 'CONFLICT',
        reason: 'CONSULTATIONS_SUPERVISION_ILLEGAL_STEP',
        fields: { state: 'DISPATCHED', allowed: ['INSPECT'] },
      },
    });
    const after = await gql(
      `query($id: ID!) { supervisionTask(id: $id) { status version steps { action } } }`,
      { id },
    );
    expect(after.data.supervisionTask).toEqual({ status: 'DISPATCHED', version: 1, steps: [] });
  });

  it('lets only the unit named on the letter give feedback besides staff', async () => {
    const { id } = await opened('城区停车难监督', 'ADOPTED_SUGGESTION', '社会法制委员会');
    const other: TestCaller = { region: '330723', roles: ['unit'], subject: '武义县公安局' };
    const early = await take(id, { action: 'INSPECT' }, unit);
    expect(early.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await take(id, { action: 'INSPECT' });
    await take(id, { action: 'CONSULT' });
    await take(id, { action: 'ISSUE_LETTER', note: '建议', handlingUnit: '武义县生态环境分局' });
    const wrongUnit = await take(id, { action: 'FEEDBACK', note: '已办' }, other);
    expect(wrongUnit.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const reader = await take(id, { action: 'REMIND' }, { region: '330723', roles: ['reader'] });
    expect(reader.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
