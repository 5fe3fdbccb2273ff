import { startTestSubgraph, type TestCaller } from '@huishang/subgraph-kit/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { consultationsSubgraph } from '../src/index.js';
import { approvedTopic } from './topics.js';

const subgraph = await startTestSubgraph(consultationsSubgraph, {
  regions: ['330482', '330503'],
});
const { gql, statements, selectsFrom } = subgraph;
afterAll(subgraph.close);

const pinghu: TestCaller = { region: '330482' };
const nanxun: TestCaller = { region: '330503' };

const fields = `id title platform stage venue { code } venueName heldOn version region { code }
  participants { name kind affiliation attended member { id } }
  suggestions { id text proposedBy adoption } adoptionRate`;
const create = `mutation($input: CreateConsultationInput!) { createConsultation(input: $input) { ${fields} } }`;
const addParticipants = `mutation($id: ID!, $participants: [ParticipantInput!]!) {
  addParticipants(consultationId: $id, participants: $participants) { ${fields} } }`;
const recordSuggestions = `mutation($id: ID!, $suggestions: [SuggestionInput!]!) {
  recordSuggestions(consultationId: $id, suggestions: $suggestions) { ${fields} } }`;
const setAdoption = `mutation($id: ID!, $adoption: Adoption!) {
  setSuggestionAdoption(suggestionId: $id, adoption: $adoption) { ${fields} } }`;
const count = (region = '330482', caller = pinghu) =>
  gql(`{ consultations(region: "${region}") { totalCount } }`, {}, caller).then(
    (r) => r.data.consultations.totalCount as number,
  );

const hall = {
  region: '330482',
  topicId: await approvedTopic(gql, {
    region: '330482',
    title: '农村生活污水治理设施长效运维',
    platform: 'LIVELIHOOD_HALL',
  }),
  title: '农村生活污水治理设施长效运维',
  venue: '330482106',
  venueName: '广陈镇民生议事堂',
  heldOn: '2025-05-20',
};
const memberId = '01970000-0000-7000-8000-0000000000a1';

describe('consultations subgraph', () => {
  it('runs a livelihood hall at 广陈镇: participants, suggestions and their adoption', async () => {
    const created = await gql(create, { input: hall });
    expect(created.errors).toBeUndefined();
    const consultation = created.data.createConsultation;
    expect(consultation).toMatchObject({
      title: '农村生活污水治理设施长效运维',
      platform: 'LIVELIHOOD_HALL',
      stage: 'TOPIC',
      venue: { code: '330482106' },
      heldOn: '2025-05-20',
      version: 1,
      region: { code: '330482' },
      participants: [],
      suggestions: [],
      adoptionRate: null,
    });

    const joined = await gql(addParticipants, {
      id: consultation.id,
      participants: [
        { memberId, name: '沈丽华', kind: 'MEMBER', affiliation: '平湖市政协委员' },
        { name: '陈建明', kind: 'OFFICIAL', affiliation: '广陈镇人民政府' },
        { name: '王阿大', kind: 'PUBLIC', affiliation: '曹港村村民', attended: false },
      ],
    });
    expect(joined.errors).toBeUndefined();
    expect(joined.data.addParticipants.version).toBe(2);
    expect(joined.data.addParticipants.participants).toEqual([
      {
        name: '沈丽华',
        kind: 'MEMBER',
        affiliation: '平湖市政协委员',
        attended: true,
        member: { id: memberId },
      },
      {
        name: '陈建明',
        kind: 'OFFICIAL',
        affiliation: '广陈镇人民政府',
        attended: true,
        member: null,
      },
      { name: '王阿大', kind: 'PUBLIC', affiliation: '曹港村村民', attended: false, member: null },
    ]);

    const recorded = await gql(recordSuggestions, {
      id: consultation.id,
      suggestions: [
        { text: '建立村级污水设施运维台账', proposedBy: '沈丽华' },
        { text: '落实镇级运维经费保障' },
        { text: '引入第三方专业运维' },
      ],
    });
    expect(recorded.errors).toBeUndefined();
    const [first, second] = recorded.data.recordSuggestions.suggestions;
    expect(recorded.data.recordSuggestions).toMatchObject({ version: 3, adoptionRate: 0 });

    await gql(setAdoption, { id: first.id, adoption: 'ADOPTED' });
    const adopted = await gql(setAdoption, { id: second.id, adoption: 'PARTLY_ADOPTED' });
    expect(adopted.errors).toBeUndefined();
    expect(adopted.data.setSuggestionAdoption.version).toBe(5);
    expect(
      adopted.data.setSuggestionAdoption.suggestions.map((s: { adoption: string }) => s.adoption),
    ).toEqual(['ADOPTED', 'PARTLY_ADOPTED', 'PENDING']);
    expect(adopted.data.setSuggestionAdoption.adoptionRate).toBeCloseTo(2 / 3);

    const listed =
      await gql(`{ consultations(region: "330482", platform: LIVELIHOOD_HALL, stage: TOPIC) {
      totalCount edges { node { title adoptionRate } } } }`);
    expect(listed.data.consultations.totalCount).toBe(1);
    const none = await gql(`{ consultations(region: "330482", platform: ONLINE) { totalCount } }`);
    expect(none.data.consultations.totalCount).toBe(0);

    const attended = await gql(
      `query($reps: [_Any!]!) { _entities(representations: $reps) {
        ... on Member { consultations { totalCount edges { node { title } } } } } }`,
      { reps: [{ __typename: 'Member', id: memberId }] },
    );
    expect(attended.data._entities[0].consultations).toEqual({
      totalCount: 1,
      edges: [{ node: { title: '农村生活污水治理设施长效运维' } }],
    });
  });

  it('holds a 请你来协商 in Nanxun anywhere in the district', async () => {
    const created = await gql(
      create,
      {
        input: {
          region: '330503',
          topicId: await approvedTopic(
            gql,
            {
              region: '330503',
              title: '推进“浔味”乡村旅游提质',
              platform: 'PLEASE_COME_AND_CONSULT',
              lead: 'LEADERS',
            },
            nanxun,
          ),
          venue: '330503',
        },
      },
      nanxun,
    );
    expect(created.errors).toBeUndefined();
    expect(created.data.createConsultation).toMatchObject({
      title: '推进“浔味”乡村旅游提质',
      platform: 'PLEASE_COME_AND_CONSULT',
      venue: { code: '330503' },
    });
  });

  it('refuses writes from another region and writes nothing', async () => {
    const before = await count();
    const refused = await gql(create, { input: hall }, nanxun);
    expect(refused.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(await count()).toBe(before);

    const ours = await gql(create, { input: hall });
    const id = ours.data.createConsultation.id;
    // Nanxun staff reaching the Pinghu node find the consultation, but may not change it.
    const joined = await gql(
      addParticipants,
      { id, participants: [{ name: '李明', kind: 'EXPERT' }] },
      { region: '330503', node: '330482' },
    );
    expect(joined.errors[0].extensions.code).toBe('FORBIDDEN');
    const read = await gql(`{ consultation(id: "${id}") { version participants { name } } }`);
    expect(read.data.consultation).toEqual({ version: 1, participants: [] });
  });

  it('refuses an invalid venue with BAD_USER_INPUT and writes nothing', async () => {
    const before = await count();
    for (const [venue, reason] of [
      ['330503100', 'CONSULTATIONS_PLACE_OUTSIDE_REGION'],
      ['330482106200', 'CONSULTATIONS_VENUE_LEVEL'],
      ['330482999', 'SCHEMA_UNKNOWN_REGION'],
    ]) {
      const refused = await gql(create, { input: { ...hall, venue } });
      expect(refused.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      if (reason !== 'SCHEMA_UNKNOWN_REGION')
        expect(refused.errors[0].extensions.reason).toBe(reason);
    }
    expect(await count()).toBe(before);
  });

  it('writes none of a batch of participants when one is invalid', async () => {
    const created = await gql(create, { input: { ...hall, venue: null } });
    const id = created.data.createConsultation.id;
    const refused = await gql(addParticipants, {
      id,
      participants: [
        { name: '陈建明', kind: 'OFFICIAL' },
        { name: '沈丽华', kind: 'MEMBER' },
      ],
    });
    expect(refused.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'CONSULTATIONS_PARTICIPANT_MEMBER',
    });
    const read = await gql(`{ consultation(id: "${id}") { version participants { name } } }`);
    expect(read.data.consultation).toEqual({ version: 1, participants: [] });
  });

  it('answers unknown regions, unknown suggestions and oversized pages with clear errors', async () => {
    const unknown = await gql(`{ consultations(region: "339999") { totalCount } }`);
    expect(unknown.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const unknownWrite = await gql(create, { input: { ...hall, region: '339999' } });
    expect(unknownWrite.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const tooMany = await gql(`{ consultations(region: "330482", first: 101) { totalCount } }`);
    expect(tooMany.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const missing = await gql(setAdoption, { id: 'no-such-suggestion', adoption: 'ADOPTED' });
    expect(missing.errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('resolves a batch of consultation references, with their participants, in one select each', async () => {
    const ids: string[] = [];
    for (const title of ['村级议事规范化', '老旧小区加装电梯', '菜市场改造提升', '河道长效保洁']) {
      const created = await gql(create, { input: { ...hall, title } });
      ids.push(created.data.createConsultation.id);
      await gql(addParticipants, {
        id: created.data.createConsultation.id,
        participants: [{ name: '周敏', kind: 'EXPERT' }],
      });
    }
    statements.length = 0;
    const result = await gql(
      `query($reps: [_Any!]!) { _entities(representations: $reps) {
        ... on Consultation { title participants { name } } } }`,
      { reps: ids.map((id) => ({ __typename: 'Consultation', id })) },
    );
    expect(result.data._entities.map((c: { title: string }) => c.title)).toEqual([
      '村级议事规范化',
      '老旧小区加装电梯',
      '菜市场改造提升',
      '河道长效保洁',
    ]);
    expect(selectsFrom('consultation')).toBe(1);
    expect(selectsFrom('participant')).toBe(1);
  });

  it('dispatches supervision tasks and takes opinion items for the demo to seed', async () => {
    const task = await gql(
      `mutation($input: CreateSupervisionTaskInput!) { createSupervisionTask(input: $input) {
        title source committee status deadline colour version region { code } } }`,
      {
        input: {
          region: '330503',
          title: '“五水共治”河道保洁落实情况',
          source: 'MEDIA',
          committee: '人口资源环境委员会',
          deadline: '2020-09-30',
        },
      },
      nanxun,
    );
    expect(task.errors).toBeUndefined();
    expect(task.data.createSupervisionTask).toMatchObject({
      status: 'DISPATCHED',
      deadline: '2020-09-30',
      colour: 'RED',
      version: 1,
      region: { code: '330503' },
    });

    const item = await gql(
      `mutation($input: SubmitOpinionItemInput!) { submitOpinionItem(input: $input) {
        title category status route place { code } submitter { id } } }`,
      {
        input: {
          region: '330503',
          title: '练市镇农村公交班次偏少',
          body: '练市镇部分行政村公交班次少，老人就医出行不便，建议加密班次。',
          category: '民生',
          place: '330503102',
          submitterId: memberId,
        },
      },
      nanxun,
    );
    expect(item.errors).toBeUndefined();
    expect(item.data.submitOpinionItem).toMatchObject({
      status: 'SUBMITTED',
      route: null,
      place: { code: '330503102' },
      submitter: { id: memberId },
    });

    const outside = await gql(
      `mutation($input: SubmitOpinionItemInput!) { submitOpinionItem(input: $input) { title } }`,
      {
        input: {
          region: '330503',
          title: '路灯',
          body: '路灯坏了',
          category: '民生',
          place: '330482106',
        },
      },
      nanxun,
    );
    expect(outside.errors[0].extensions.code).toBe('BAD_USER_INPUT');

    const lists = await gql(
      `{ supervisionTasks(region: "330503") { totalCount edges { node { title } } }
         opinionItems(region: "330503") { totalCount edges { node { title } } } }`,
      {},
      nanxun,
    );
    expect(lists.data.supervisionTasks.totalCount).toBe(1);
    expect(lists.data.opinionItems.totalCount).toBe(1);
  });
});
