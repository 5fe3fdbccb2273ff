import { commandResultSubject, commandSubject } from '@huishang/schema';
import { newId } from '@huishang/subgraph-kit';
import { startTestNodes, type TestCaller, type TestSubgraph } from '@huishang/subgraph-kit/testing';
import { jetstream } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { afterAll, describe, expect, it } from 'vitest';
import { consultationsSubgraph } from '../src/index.js';
import { answered, commandStatus, receipt } from './command-receipts.js';

// Each committee is a node of its own (its own database) on one NATS: Zhejiang dispatches
// supervision tasks to the counties below it, whose nodes apply them as owners.
const nodes = await startTestNodes(consultationsSubgraph, { label: 'commands' });
const zhejiang = await nodes.start('330000');
const nanxun = await nodes.start('330503');
const wuxing = await nodes.start('330502');
const nc = await connect({ servers: nodes.nats.url });
afterAll(async () => {
  await nc.close();
  await nodes.close();
});

const provincial: TestCaller = { region: '330000' };

const dispatch = `mutation($input: CreateSupervisionTaskInput!) {
  dispatchSupervisionTask(input: $input) { ${receipt} } }`;
/** The tasks a node holds for `region`, asked by that region's staff (or `caller`). */
const tasksAt = (node: TestSubgraph, region: string, caller: TestCaller = { region }) =>
  node
    .gql(
      `{ supervisionTasks(region: "${region}") { edges { node { id title source region { code } } } } }`,
      {},
      caller,
    )
    .then((r) => r.data.supervisionTasks.edges.map((e: { node: unknown }) => e.node));

const task = (region: string, title: string) => ({
  region,
  title,
  source: 'MEDIA',
  committee: '人口资源环境委员会',
  deadline: '2026-12-31',
});

let dispatched: { id: string; taskId: string };

describe('commands to owners: dispatching supervision tasks', () => {
  it('lets the province dispatch a task to Nanxun, whose node applies it and answers', async () => {
    const sent = await zhejiang.gql(
      dispatch,
      { input: task('330503', '《看见》曝光：頔塘故道沿线违规堆放整改') },
      provincial,
    );
    expect(sent.errors).toBeUndefined();
    const answer = await answered(zhejiang, sent.data.dispatchSupervisionTask, provincial);
    expect(answer).toMatchObject({ status: 'APPLIED', owner: { code: '330503' }, error: null });
    const result = JSON.parse(answer.result);
    expect(result).toEqual({ id: expect.any(String), version: 1 });
    dispatched = { id: answer.id, taskId: result.id };

    expect(await tasksAt(nanxun, '330503')).toEqual([
      {
        id: result.id,
        title: '《看见》曝光：頔塘故道沿线违规堆放整改',
        source: 'MEDIA',
        region: { code: '330503' },
      },
    ]);
    expect(await commandStatus(zhejiang, answer.id, provincial)).toEqual(answer);
    // The task is Nanxun's: its event comes back up to the province's replica.
    const replicaIds = () =>
      tasksAt(zhejiang, '330503', provincial).then((tasks) =>
        tasks.map((t: { id: string }) => t.id),
      );
    await expect.poll(replicaIds, { timeout: 10_000 }).toEqual([result.id]);
  });

  it('keeps a command for an offline county, which applies it when it comes up', async () => {
    const sent = await zhejiang.gql(
      dispatch,
      { input: task('330521', '莫干山民宿集聚区污水纳管民主监督') },
      provincial,
    );
    const pending = sent.data.dispatchSupervisionTask;
    expect(pending).toMatchObject({ status: 'PENDING', owner: { code: '330521' }, result: null });

    const deqing = await nodes.start('330521');
    await expect
      .poll(() => commandStatus(zhejiang, pending.id, provincial), { timeout: 15_000 })
      .toMatchObject({ id: pending.id, status: 'APPLIED', error: null });
    const applied = await commandStatus(zhejiang, pending.id, provincial);
    expect(await tasksAt(deqing, '330521')).toMatchObject([
      { id: JSON.parse(applied.result).id, title: '莫干山民宿集聚区污水纳管民主监督' },
    ]);
  });

  it('has the owner refuse a sibling county’s staff as its own gateway would', async () => {
    const sent = await wuxing.gql(
      dispatch,
      { input: task('330503', '吴兴代南浔派单') },
      { region: '330502' },
    );
    const answer = await answered(wuxing, sent.data.dispatchSupervisionTask, { region: '330502' });
    expect(answer).toMatchObject({
      status: 'REJECTED',
      owner: { code: '330503' },
      result: null,
      error: { code: 'FORBIDDEN', reason: 'KIT_FORBIDDEN' },
    });
    expect(answer.error.message).toContain('330503');
    expect(await tasksAt(nanxun, '330503')).toHaveLength(1);
  });

  it('applies a redelivered command once and answers it again with the same result', async () => {
    const [sent] = await zhejiang
      .db('330000')
      .$queryRawUnsafe<{ envelope: string }[]>(
        `SELECT envelope::text AS envelope FROM consultations_330000._outbox WHERE event_id = $1::uuid`,
        dispatched.id,
      );
    // A new message id gets past JetStream's de-duplication: the owner sees it twice.
    await jetstream(nc).publish(
      commandSubject('330503', 'supervision-task', 'dispatch', '330000'),
      sent?.envelope,
      { msgID: newId() },
    );
    const answers = () =>
      nanxun
        .outbox('330503')
        .then((rows) =>
          rows.filter(
            (row) => row.subjects[0] === commandResultSubject('330000', dispatched.id, '330503'),
          ),
        );
    await expect.poll(async () => (await answers()).length, { timeout: 10_000 }).toBe(2);
    const [first, again] = await answers();
    expect(again?.envelope).toEqual(first?.envelope);
    expect(await tasksAt(nanxun, '330503')).toHaveLength(1);
    const applied = await nanxun
      .db('330503')
      .$queryRawUnsafe<unknown[]>(
        'SELECT 1 FROM consultations_330503._command_applied WHERE id = $1::uuid',
        dispatched.id,
      );
    expect(applied).toHaveLength(1);
    expect(JSON.parse((await commandStatus(zhejiang, dispatched.id, provincial)).result)).toEqual({
      id: dispatched.taskId,
      version: 1,
    });
  });

  it('applies a county’s own dispatch at once, without the bus', async () => {
    const sent = await nanxun.gql(dispatch, { input: task('330503', '农村生活垃圾分类回头看') });
    const answer = sent.data.dispatchSupervisionTask;
    expect(answer).toMatchObject({ status: 'APPLIED', owner: { code: '330503' } });
    expect(await commandStatus(nanxun, answer.id, { region: '330503' })).toEqual(answer);
    expect(await tasksAt(nanxun, '330503')).toHaveLength(2);
  });

  it('sends nothing but joint-session commands to another province', async () => {
    const suzhou = await nodes.start('320500');
    const sent = await suzhou.gql(
      dispatch,
      { input: task('330503', '跨省派单') },
      { region: '320500' },
    );
    expect(sent.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'KIT_CROSS_PROVINCE',
    });
    expect(
      await suzhou
        .db('320500')
        .$queryRawUnsafe<unknown[]>('SELECT 1 FROM consultations_320500._outbox'),
    ).toEqual([]);
  });

  it('refuses bad input before sending anything, and hides a command from other regions', async () => {
    const sent = await zhejiang.gql(dispatch, { input: task('330503', '督') }, provincial);
    expect(sent.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'KIT_INVALID_INPUT',
    });
    const commands = await zhejiang
      .db('330000')
      .$queryRawUnsafe<unknown[]>('SELECT 1 FROM consultations_330000._command');
    expect(commands).toHaveLength(2);

    const other = await zhejiang.gql(
      'query($id: ID!) { consultationsCommandStatus(id: $id) { id } }',
      { id: dispatched.id },
      { region: '330500', node: '330000' },
    );
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(await commandStatus(zhejiang, newId(), provincial)).toBeNull();
  });
});
