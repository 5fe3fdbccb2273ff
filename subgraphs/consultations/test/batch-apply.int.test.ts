import type { EventEnvelope } from '@huishang/schema';
import {
  applyBatch,
  newestOfEach,
  startTestSubgraph,
  type TestCaller,
  tableRows,
  writeStatements,
} from '@huishang/subgraph-kit/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { consultationsReplication } from '../src/events/apply.js';
import { consultationsSubgraph } from '../src/index.js';
import { approvedTopic } from './topics.js';

// Nanxun 330503 owns the records; Huzhou 330500 applies its events one at a time, as the
// consumer used to, and Zhejiang 330000 in batches: both must end with the owner's rows.
const subgraph = await startTestSubgraph(consultationsSubgraph, {
  regions: ['330503', '330500', '330000'],
  label: 'consultations_batch_apply',
});
afterAll(() => subgraph.close());
const { gql } = subgraph;
const admin: TestCaller = { region: '330503', roles: ['admin'] };

const replicated = [
  'consultation',
  'participant',
  'suggestion',
  'minutes_recipient',
  'consultation_evaluation',
  'consultation_topic',
  'supervision_task',
  'opinion_item',
];
const tablesOf = (region: string) => tableRows(subgraph.db(region), replicated);
const apply = (region: string, events: EventEnvelope[]) =>
  applyBatch(subgraph.db(region), consultationsReplication, events);

/** Applies `events` one by one at Huzhou and as one batch at Zhejiang, then compares. */
async function replicateBothWays(events: EventEnvelope[]) {
  for (const event of events) expect(await subgraph.replicate('330500', event)).toBe(true);
  await apply('330000', newestOfEach(events));
  const owner = await tablesOf('330503');
  expect(await tablesOf('330500')).toEqual(owner);
  expect(await tablesOf('330000')).toEqual(owner);
  return owner;
}

const ok = async (result: Promise<{ data?: unknown; errors?: unknown }>) => {
  const { data, errors } = await result;
  expect(errors, JSON.stringify(errors)).toBeUndefined();
  // biome-ignore lint/suspicious/noExplicitAny: results are read by path
  return data as any;
};

const hall = (n: number) => ({
  region: '330503',
  title: `练市镇民生议事 ${n}`,
  platform: 'LIVELIHOOD_HALL',
  topicSource: 'PUBLIC',
  venue: '330503102',
  venueName: '练市镇民生议事堂',
  heldOn: '2024-05-10',
  participants: [
    { name: '沈丽华', kind: 'MEMBER', memberId: '01970000-0000-7000-8000-0000000000a1' },
    { name: '陆建平', kind: 'OFFICIAL', affiliation: '南浔区交通运输局' },
  ],
  suggestions: [
    { text: '早晚高峰加密班次', adoption: 'ADOPTED' },
    { text: '开通预约响应公交', proposedBy: '沈丽华', adoption: 'PENDING' },
  ],
});
const opinion = (n: number) => ({
  title: `农村公交班次偏少 ${n}`,
  body: '部分行政村公交班次少，老人就医出行不便，建议加密班次。',
  category: '民生',
  place: '330503102',
  status: 'RATED',
  route: 'DEPARTMENT',
  nature: 'CONCRETE',
  department: '南浔区交通运输局',
  answer: '已加密班次。',
  satisfaction: 'SATISFIED',
  submittedAt: '2024-03-01T02:00:00Z',
  dispatchedAt: '2024-03-02T02:00:00Z',
  closedAt: '2024-03-20T02:00:00Z',
});
const task = (n: number) => ({
  region: '330503',
  title: `“五水共治”河道保洁落实情况 ${n}`,
  source: 'MEDIA',
  committee: '人口资源环境委员会',
  deadline: '2025-09-30',
});
const created: string[] = [];
let all: EventEnvelope[] = [];

describe('batched consultation replicas', () => {
  it('leaves the same rows for a batch of every kind as applied one by one, and as the owner has', async () => {
    const rows = await subgraph.eventsOf('330503', async () => {
      await ok(
        gql(
          `mutation($records: [ImportConsultationInput!]!) { importConsultations(records: $records) { count } }`,
          { records: Array.from({ length: 30 }, (_, i) => hall(i)) },
          admin,
        ),
      );
      await ok(
        gql(
          `mutation($items: [ImportOpinionItemInput!]!) { importOpinionItems(region: "330503", items: $items) }`,
          { items: Array.from({ length: 20 }, (_, i) => opinion(i)) },
          admin,
        ),
      );
      for (let i = 0; i < 5; i += 1) {
        await ok(
          gql(
            `mutation($input: CreateSupervisionTaskInput!) { createSupervisionTask(input: $input) { id } }`,
            { input: task(i) },
          ),
        );
        const topicId = await approvedTopic(gql, {
          region: '330503',
          title: `古镇保护 ${i}`,
          platform: 'LIVELIHOOD_HALL',
        });
        const { createConsultation } = await ok(
          gql(
            `mutation($input: CreateConsultationInput!) { createConsultation(input: $input) { id } }`,
            { input: { region: '330503', topicId, title: `古镇保护 ${i}`, heldOn: '2025-04-18' } },
          ),
        );
        created.push(createConsultation.id);
      }
    });
    all = rows.map((r) => r.envelope);
    const owner = await replicateBothWays(all);
    expect(owner.consultation).toHaveLength(35);
    expect(owner.opinion_item).toHaveLength(20);
    expect(owner.supervision_task).toHaveLength(5);
    expect(owner.consultation_topic).toHaveLength(5);
    expect(owner.participant).toHaveLength(60);
  });

  it('replaces the children of the consultations a second batch carries', async () => {
    const rows = await subgraph.eventsOf('330503', async () => {
      for (const id of created) {
        await ok(
          gql(
            `mutation($id: ID!, $participants: [ParticipantInput!]!) {
              addParticipants(consultationId: $id, participants: $participants) { id } }`,
            { id, participants: [{ name: '陆建平', kind: 'OFFICIAL', affiliation: '交通局' }] },
          ),
        );
        await ok(
          gql(
            `mutation($id: ID!, $suggestions: [SuggestionInput!]!) {
              recordSuggestions(consultationId: $id, suggestions: $suggestions) { id } }`,
            { id, suggestions: [{ text: '加密班次' }, { text: '预约公交' }] },
          ),
        );
      }
    });
    const events = rows.map((r) => r.envelope);
    all.push(...events);
    const owner = await replicateBothWays(events);
    expect(owner.participant).toHaveLength(65);
    expect(owner.suggestion).toHaveLength(70);
  });

  it('writes a batch of many with the statements it writes a batch of one of each kind with', async () => {
    const newest = newestOfEach(all);
    const imported = newest.find((e) => e.type === 'consultation.imported');
    const one = ['consultation-topic', 'supervision-task', 'opinion-item'].map((type) =>
      newest.find((e) => e.aggregate.type === type),
    ) as EventEnvelope[];
    subgraph.statements.length = 0;
    await apply('330000', [imported as EventEnvelope, ...one]);
    const ofOne = writeStatements(subgraph.statements);
    subgraph.statements.length = 0;
    await apply('330000', newest);
    const ofMany = writeStatements(subgraph.statements);
    expect(newest.length).toBeGreaterThan(60);
    expect(ofMany).toEqual(ofOne);
    // consultations: an upsert, the four child tables' deletes as one statement, the
    // participants' and suggestions' inserts as one; one upsert each other kind
    expect(ofOne).toHaveLength(1 + 1 + 1 + 3);
    expect(ofOne.join('\n').match(/DELETE FROM/g)).toHaveLength(4);
    expect(await tablesOf('330000')).toEqual(await tablesOf('330503'));
  });
});
