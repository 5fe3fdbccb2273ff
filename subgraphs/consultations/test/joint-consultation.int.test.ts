import {
  type GraphQLResponseBody,
  startTestNodes,
  type TestCaller,
  type TestSubgraph,
} from '@huishang/subgraph-kit/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { consultationsSubgraph } from '../src/index.js';
import { answered, receipt } from './command-receipts.js';
import { approvedTopic } from './topics.js';

// 请你来协商·三级齐会商: Lishui's committee holds a consultation on Qingtian's 330 road
// land quota with the province and Qingtian. Each committee is a node of its own on one
// NATS; the parties see the owner's record as a replica and contribute by command.
const nodes = await startTestNodes(consultationsSubgraph, { label: 'joint' });
const zhejiang = await nodes.start('330000');
const lishui = await nodes.start('331100');
const qingtian = await nodes.start('331121');
afterAll(() => nodes.close());

const fields = `id region { code } title stage parties { code } version
  participants { name kind contributedBy { code } }
  suggestions { text contributedBy { code } }`;
const read = (node: TestSubgraph, id: string, caller: TestCaller) =>
  node
    .gql(`query($id: ID!) { consultation(id: $id) { ${fields} } }`, { id }, caller)
    .then((r) => r.data?.consultation ?? null);
const contribute = `mutation($id: ID!, $p: [ParticipantInput!], $s: [SuggestionInput!]) {
  contributeToConsultation(consultationId: $id, participants: $p, suggestions: $s) { ${receipt} } }`;
/** What the owner answered to a contribution `node` sent for `caller`. */
const contributed = (node: TestSubgraph, sent: GraphQLResponseBody, caller: TestCaller) =>
  answered(node, sent.data.contributeToConsultation, caller);

let id: string;

describe('a three-level joint consultation (三级会商)', () => {
  it('shows the owner’s consultation to the parties below and above it', async () => {
    const topicId = await approvedTopic(lishui.gql, {
      region: '331100',
      title: '破解青田县330国道复线建设用地指标瓶颈',
      platform: 'PLEASE_COME_AND_CONSULT',
      lead: 'SECTORS',
    });
    const created = await lishui.gql(
      `mutation($input: CreateConsultationInput!) { createConsultation(input: $input) { ${fields} } }`,
      { input: { region: '331100', topicId, venue: '331121', parties: ['330000', '331121'] } },
    );
    expect(created.errors).toBeUndefined();
    id = created.data.createConsultation.id;
    await lishui.gql(`mutation { advanceConsultation(id: "${id}", to: PLAN) { id } }`);

    const atQingtian = () =>
      qingtian
        .gql(
          `{ consultations(region: "331121", asParty: true) { edges { node { id stage region { code } } } } }`,
          {},
          { region: '331121' },
        )
        .then((r) => r.data.consultations.edges.map((e: { node: unknown }) => e.node));
    await expect
      .poll(atQingtian, { timeout: 10_000 })
      .toEqual([{ id, stage: 'PLAN', region: { code: '331100' } }]);
    await expect
      .poll(() => read(zhejiang, id, { region: '330000' }), { timeout: 10_000 })
      .toMatchObject({ parties: [{ code: '330000' }, { code: '331121' }] });
  });

  it('applies a party’s participants and suggestions at the owner, whose record stays the truth', async () => {
    const sent = await qingtian.gql(
      contribute,
      {
        id,
        p: [
          {
            name: '青田县自然资源和规划局负责人',
            kind: 'OFFICIAL',
            affiliation: '青田县自然资源和规划局',
          },
        ],
        s: [
          {
            text: '将330国道复线列入省重大项目清单，争取省级统筹用地指标',
            proposedBy: '青田县政协',
          },
        ],
      },
      { region: '331121' },
    );
    expect(await contributed(qingtian, sent, { region: '331121' })).toMatchObject({
      status: 'APPLIED',
      owner: { code: '331100' },
      error: null,
    });
    const expected = {
      participants: [
        {
          name: '青田县自然资源和规划局负责人',
          kind: 'OFFICIAL',
          contributedBy: { code: '331121' },
        },
      ],
      suggestions: [
        {
          text: '将330国道复线列入省重大项目清单，争取省级统筹用地指标',
          contributedBy: { code: '331121' },
        },
      ],
    };
    expect(await read(lishui, id, { region: '331100' })).toMatchObject({ version: 3, ...expected });
    await expect
      .poll(() => read(qingtian, id, { region: '331121' }), { timeout: 10_000 })
      .toMatchObject({ version: 3, ...expected });

    // The province contributes as a party too, through its own node.
    const provincial = await zhejiang.gql(
      contribute,
      { id, s: [{ text: '省级层面协调耕地占补平衡指标' }] },
      { region: '330000' },
    );
    expect((await contributed(zhejiang, provincial, { region: '330000' })).status).toBe('APPLIED');
    await expect
      .poll(() => read(qingtian, id, { region: '331121' }).then((c) => c.suggestions.length), {
        timeout: 10_000,
      })
      .toBe(2);
  });

  it('has the owner refuse what a party may not do, and keeps the replica read-only', async () => {
    const empty = await qingtian.gql(contribute, { id, s: [] }, { region: '331121' });
    expect(empty.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const reader = await qingtian.gql(
      contribute,
      { id, s: [{ text: '读者无权提交' }] },
      { region: '331121', roles: ['reader'] },
    );
    expect(
      await contributed(qingtian, reader, { region: '331121', roles: ['reader'] }),
    ).toMatchObject({
      status: 'REJECTED',
      error: { code: 'FORBIDDEN', reason: 'KIT_FORBIDDEN' },
    });
    const direct = await qingtian.gql(
      `mutation { advanceConsultation(id: "${id}", to: RESEARCH) { id } }`,
      {},
      { region: '331121' },
    );
    expect(direct.errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await read(lishui, id, { region: '331100' })).stage).toBe('PLAN');
  });

  it('shows a party the owner’s suggestions, not the owner’s items and proposals they became', async () => {
    const item = await lishui.gql(
      `mutation($input: SubmitOpinionItemInput!) { submitOpinionItem(input: $input) { id } }`,
      {
        input: {
          region: '331100',
          title: '建议争取省级统筹解决330国道复线用地指标',
          body: '青田县330国道复线建设用地指标缺口较大，建议市里向省里争取统筹。',
          category: '交通建设',
        },
      },
      { region: '331100' },
    );
    const itemId = item.data.submitOpinionItem.id;
    const proposalId = '01970000-0000-7000-8000-0000000000c3';
    const [fromQingtian, fromProvince] = (
      await lishui.gql(`{ consultation(id: "${id}") { suggestions { id } } }`)
    ).data.consultation.suggestions;
    for (const [suggestion, link] of [
      [fromQingtian.id, `opinionItemId: "${itemId}"`],
      [fromProvince.id, `proposalId: "${proposalId}"`],
    ])
      expect(
        (
          await lishui.gql(
            `mutation { linkSuggestion(suggestionId: "${suggestion}", ${link}) { id } }`,
          )
        ).errors,
      ).toBeUndefined();

    const suggestionsSeenBy = (caller: TestCaller) =>
      lishui
        .gql(`{ consultation(id: "${id}") { suggestions { opinionItem { id } } } }`, {}, caller)
        .then((r) => r.data.consultation.suggestions);
    expect(await suggestionsSeenBy({ region: '331100' })).toEqual([
      { opinionItem: { id: itemId } },
      { opinionItem: null },
    ]);
    // Qingtian's office, a party, reading the owner's record at the owner's node.
    expect(await suggestionsSeenBy({ region: '331121', node: '331100' })).toEqual([
      { opinionItem: null },
      { opinionItem: null },
    ]);

    const fromSuggestionsSeenBy = (caller: TestCaller) =>
      lishui
        .gql(
          `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Proposal { fromSuggestions { text } } } }`,
          { reps: [{ __typename: 'Proposal', id: proposalId }] },
          caller,
        )
        .then((r) => r.data._entities[0].fromSuggestions);
    expect(await fromSuggestionsSeenBy({ region: '331121', node: '331100' })).toEqual([
      { text: '省级层面协调耕地占补平衡指标' },
    ]);
    // Hangzhou's office is no party: the consultation's suggestions are not its to see.
    expect(await fromSuggestionsSeenBy({ region: '330100', node: '331100' })).toEqual([]);
  });
});
