import { startTestNodes, type TestCaller } from '@huishang/subgraph-kit/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { consultationsSubgraph } from '../src/index.js';
import { answered, receipt } from './command-receipts.js';

// 湖州 dispatches a supervision task to 南浔 and presses it (催办) from its own node; the
// task's events come back up to 湖州's replica. Each committee is a node on one NATS.
const nodes = await startTestNodes(consultationsSubgraph, { label: 'supervision' });
const huzhou = await nodes.start('330500');
const nanxun = await nodes.start('330503');
afterAll(() => nodes.close());

const city: TestCaller = { region: '330500' };
const taskAt = (node: typeof huzhou, id: string, caller: TestCaller) =>
  node
    .gql(
      `query($id: ID!) { supervisionTask(id: $id) { status reminders version caseRef dispatchedBy { code } steps { action by note } } }`,
      { id },
      caller,
    )
    .then((r) => r.data.supervisionTask);
const remind = async (id: string, caller: TestCaller, note = '请加快整改进度') => {
  const sent = await huzhou.gql(
    `mutation($id: ID!, $note: String) { remindSupervisionTask(id: $id, note: $note) { ${receipt} } }`,
    { id, note },
    caller,
  );
  return sent.data?.remindSupervisionTask
    ? answered(huzhou, sent.data.remindSupervisionTask, caller)
    : sent.errors;
};

describe('a supervision task dispatched from above', () => {
  let id: string;

  it('names its dispatcher and case, and the dispatcher follows it from its replica', async () => {
    const sent = await huzhou.gql(
      `mutation($input: CreateSupervisionTaskInput!) { dispatchSupervisionTask(input: $input) { ${receipt} } }`,
      {
        input: {
          region: '330503',
          title: '《看见》曝光：頔塘故道沿线违规堆放整改',
          source: 'MEDIA',
          committee: '人口资源环境委员会',
          caseRef: '湖州全媒体《看见》2022年第8期',
          deadline: '2099-12-31',
        },
      },
      city,
    );
    const answer = await answered(huzhou, sent.data.dispatchSupervisionTask, city);
    expect(answer).toMatchObject({ status: 'APPLIED' });
    id = JSON.parse(answer.result).id;
    await expect
      .poll(() => taskAt(huzhou, id, city), { timeout: 10_000 })
      .toEqual({
        status: 'DISPATCHED',
        reminders: 0,
        version: 1,
        caseRef: '湖州全媒体《看见》2022年第8期',
        dispatchedBy: { code: '330500' },
        steps: [],
      });
  });

  it('lets the dispatcher press the owner, recorded as a reminder by the dispatcher', async () => {
    await nanxun.gql(
      `mutation($id: ID!) { recordSupervisionStep(id: $id, input: { action: INSPECT }) { id } }`,
      { id },
    );
    await nanxun.gql(
      `mutation($id: ID!) { recordSupervisionStep(id: $id, input: { action: CONSULT }) { id } }`,
      { id },
    );
    const early = await remind(id, city);
    expect(early).toMatchObject({
      status: 'REJECTED',
      error: { code: 'CONFLICT', reason: 'CONSULTATIONS_SUPERVISION_ILLEGAL_STEP' },
    });
    await nanxun.gql(
      `mutation($id: ID!) { recordSupervisionStep(id: $id, input: {
        action: ISSUE_LETTER, note: "建议建立沿线堆放长效巡查机制", handlingUnit: "南浔区综合行政执法局" }) { id } }`,
      { id },
    );
    const pressed = await remind(id, city);
    expect(pressed).toMatchObject({ status: 'APPLIED', error: null });
    expect(JSON.parse(pressed.result)).toEqual({ id, version: 5, reminders: 1 });
    await expect
      .poll(() => taskAt(huzhou, id, city).then((t) => t.steps.at(-1)), { timeout: 10_000 })
      .toEqual({ action: 'REMIND', by: 'staff-330500（330500）', note: '请加快整改进度' });
  });

  it('has the owner refuse a reader’s reminder, and changes nothing', async () => {
    const reader = await remind(id, { region: '330500', roles: ['reader'] });
    expect(reader).toMatchObject({ status: 'REJECTED', error: { code: 'FORBIDDEN' } });
    expect(await taskAt(nanxun, id, { region: '330503' })).toMatchObject({
      reminders: 1,
      version: 5,
    });
  });
});
