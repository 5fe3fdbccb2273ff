import { validateEvent } from '@huishang/schema';
import {
  type GraphQLResponseBody,
  startTestSubgraph,
  type TestCaller,
  type TestOutboxRow,
} from '@huishang/subgraph-kit/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { consultationsReplication } from '../src/events/apply.js';
import { consultationsSubgraph } from '../src/index.js';
import { approvedTopic } from './topics.js';

// Nanxun 330503 writes; Huzhou 330500, its city, keeps replicas. Both schemas live in one
// database here, as on a machine that hosts both nodes.
const subgraph = await startTestSubgraph(consultationsSubgraph, {
  regions: ['330503', '330500'],
  label: 'consultations_events',
});
afterAll(() => subgraph.close());
const { gql, outbox } = subgraph;

const huzhou: TestCaller = { region: '330500', node: '330500' };

/** Runs a write and returns the rows it added to Nanxun's outbox. */
const eventsOf = (write: () => Promise<unknown>) => subgraph.eventsOf('330503', write);

/** Runs a write that must add exactly one outbox row, and returns that row. */
async function theEventOf(write: () => Promise<unknown>): Promise<TestOutboxRow> {
  const events = await eventsOf(write);
  expect(events).toHaveLength(1);
  return events[0] as TestOutboxRow;
}

const fields = `id title description platform topicSource stage venue { code } venueName heldOn
  version region { code } participants { name kind affiliation attended member { id } }
  suggestions { id text proposedBy adoption } adoptionRate createdAt updatedAt`;
const taskFields =
  'id title source committee status deadline colour version region { code } createdAt';
const itemFields = `id title body category place { code } submitter { id } status route version
  region { code } createdAt`;
const create = `mutation($input: CreateConsultationInput!) { createConsultation(input: $input) { ${fields} } }`;
const addParticipants = `mutation($id: ID!, $participants: [ParticipantInput!]!) {
  addParticipants(consultationId: $id, participants: $participants) { ${fields} } }`;
const recordSuggestions = `mutation($id: ID!, $suggestions: [SuggestionInput!]!) {
  recordSuggestions(consultationId: $id, suggestions: $suggestions) { ${fields} } }`;
const setAdoption = `mutation($id: ID!, $adoption: Adoption!) {
  setSuggestionAdoption(suggestionId: $id, adoption: $adoption) { ${fields} } }`;
const createTask = `mutation($input: CreateSupervisionTaskInput!) {
  createSupervisionTask(input: $input) { ${taskFields} } }`;
const submitItem = `mutation($input: SubmitOpinionItemInput!) {
  submitOpinionItem(input: $input) { ${itemFields} } }`;
const nanxunRecords = `{
  consultations(region: "330503", first: 100) { totalCount edges { node { ${fields} } } }
  supervisionTasks(region: "330503", first: 100) { totalCount edges { node { ${taskFields} } } }
  opinionItems(region: "330503", first: 100) { totalCount edges { node { ${itemFields} } } } }`;

const memberId = '01970000-0000-7000-8000-0000000000a1';
const hall = {
  region: '330503',
  topicId: await approvedTopic(gql, {
    region: '330503',
    title: '练市镇农村公交班次优化',
    platform: 'LIVELIHOOD_HALL',
  }),
  title: '练市镇农村公交班次优化',
  venue: '330503102',
  venueName: '练市镇民生议事堂',
  heldOn: '2025-04-18',
};
const people = [
  { memberId, name: '沈丽华', kind: 'MEMBER' },
  { name: '陆建平', kind: 'OFFICIAL', affiliation: '南浔区交通运输局' },
];
const ideas = [
  { text: '早晚高峰加密练市至南浔城区班次', proposedBy: '沈丽华' },
  { text: '开通村村通预约响应公交' },
];
const task = {
  region: '330503',
  title: '“五水共治”河道保洁落实情况',
  source: 'MEDIA',
  committee: '人口资源环境委员会',
  deadline: '2025-09-30',
};
const item = {
  region: '330503',
  title: '练市镇农村公交班次偏少',
  body: '练市镇部分行政村公交班次少，老人就医出行不便，建议加密班次。',
  category: '民生',
  place: '330503102',
  submitterId: memberId,
};

/** Checks that `write` leaves exactly one valid event of `type` about what it returned. */
async function expectOneEvent(
  type: string,
  version: number,
  write: () => Promise<GraphQLResponseBody>,
) {
  let shown: GraphQLResponseBody = {};
  const { subjects, envelope } = await theEventOf(async () => {
    shown = Object.values((await write()).data)[0];
  });
  expect(subjects).toEqual([`cppcc.evt.330000.330500.330503.${type}`]);
  expect(validateEvent(envelope)).toMatchObject({ ok: true });
  expect(envelope).toMatchObject({
    type,
    originRegion: '330503',
    aggregate: { id: shown.id, version },
    payload: { snapshot: { id: shown.id, version } },
  });
  return { shown, snapshot: envelope.payload.snapshot };
}

describe('consultation events', () => {
  it('records each change of a consultation as one event carrying it with its children', async () => {
    const created = await expectOneEvent('consultation.created', 1, () =>
      gql(create, { input: hall }),
    );
    const id = created.shown.id;
    await expectOneEvent('consultation.participants-added', 2, () =>
      gql(addParticipants, { id, participants: people }),
    );
    const recorded = await expectOneEvent('consultation.suggestions-recorded', 3, () =>
      gql(recordSuggestions, { id, suggestions: ideas }),
    );
    const adopted = await expectOneEvent('consultation.adoption-set', 4, () =>
      gql(setAdoption, { id: recorded.shown.suggestions[0].id, adoption: 'ADOPTED' }),
    );
    expect(adopted.snapshot).toMatchObject({
      stage: 'TOPIC',
      venue: '330503102',
      heldOn: '2025-04-18',
      updatedAt: adopted.shown.updatedAt,
      participants: [
        { memberId, name: '沈丽华', kind: 'MEMBER', attended: true },
        { memberId: null, name: '陆建平', affiliation: '南浔区交通运输局' },
      ],
      suggestions: adopted.shown.suggestions,
    });
  });

  it('records a new supervision task and a new opinion item as their own aggregates', async () => {
    const dispatched = await expectOneEvent('supervision-task.created', 1, () =>
      gql(createTask, { input: task }),
    );
    expect(dispatched.snapshot).toMatchObject({ status: 'DISPATCHED', deadline: '2025-09-30' });
    const submitted = await expectOneEvent('opinion-item.submitted', 1, () =>
      gql(submitItem, { input: item }),
    );
    expect(submitted.snapshot).toMatchObject({ place: '330503102', submitterId: memberId });
  });

  it('records nothing for a refused write', async () => {
    const id = (await gql(create, { input: hall })).data.createConsultation.id;
    const refusals: [string, () => Promise<GraphQLResponseBody>][] = [
      ['BAD_USER_INPUT', () => gql(addParticipants, { id, participants: [] })],
      [
        'BAD_USER_INPUT',
        () => gql(addParticipants, { id, participants: [{ name: '沈丽华', kind: 'MEMBER' }] }),
      ],
      ['BAD_USER_INPUT', () => gql(recordSuggestions, { id, suggestions: [{ text: ' ' }] })],
      ['BAD_USER_INPUT', () => gql(createTask, { input: { ...task, deadline: '2025-02-30' } })],
      ['BAD_USER_INPUT', () => gql(submitItem, { input: { ...item, place: '330482106' } })],
      ['FORBIDDEN', () => gql(create, { input: hall }, { region: '330482' })],
    ];
    for (const [code, write] of refusals) {
      const events = await eventsOf(async () => {
        const result = await write();
        expect(result.errors?.[0].extensions.code).toBe(code);
      });
      expect(events).toEqual([]);
    }
  });
});

describe('consultation replicas', () => {
  /** Applies every event Nanxun has recorded, each in its own transaction, as the consumer does. */
  async function replicateNanxun() {
    for (const { envelope } of await outbox('330503')) await subgraph.replicate('330500', envelope);
  }

  it('lets Huzhou answer for Nanxun’s records exactly as Nanxun does, and refuses writes there', async () => {
    expect(consultationsSubgraph.replication).toBe(consultationsReplication);
    const id = (await gql(create, { input: { ...hall, title: '南浔古镇旅游停车难问题' } })).data
      .createConsultation.id;
    await gql(addParticipants, { id, participants: people });
    await gql(recordSuggestions, { id, suggestions: ideas });
    await gql(createTask, { input: task });
    await gql(submitItem, { input: item });

    await replicateNanxun();
    const atNanxun = await gql(nanxunRecords);
    const atHuzhou = await gql(nanxunRecords, {}, huzhou);
    expect(atHuzhou.errors).toBeUndefined();
    expect(atHuzhou).toEqual(atNanxun);
    expect(atHuzhou.data.consultations.totalCount).toBeGreaterThan(0);
    expect(atHuzhou.data.supervisionTasks.totalCount).toBeGreaterThan(0);
    expect(atHuzhou.data.opinionItems.totalCount).toBeGreaterThan(0);

    // the suggestions' adoption moves on at Nanxun; its newest event replaces the replica's
    const [first] = (await gql(`query($id: ID!) { consultation(id: $id) { ${fields} } }`, { id }))
      .data.consultation.suggestions;
    await gql(setAdoption, { id: first.id, adoption: 'PARTLY_ADOPTED' });
    await replicateNanxun();
    const replica = await gql(
      `query($id: ID!) { consultation(id: $id) { ${fields} } }`,
      { id },
      huzhou,
    );
    expect(replica.data.consultation).toMatchObject({
      version: 4,
      adoptionRate: 0.5,
      participants: [{ name: '沈丽华' }, { name: '陆建平' }],
      suggestions: [{ adoption: 'PARTLY_ADOPTED' }, { adoption: 'PENDING' }],
    });
    expect(await gql(nanxunRecords, {}, huzhou)).toEqual(await gql(nanxunRecords));

    const refused = await gql(addParticipants, { id, participants: people }, huzhou);
    expect(refused.errors[0].extensions.code).toBe('FORBIDDEN');
    const foreign = await gql(createTask, { input: task }, huzhou);
    expect(foreign.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(await outbox('330500')).toEqual([]);
  });
});
