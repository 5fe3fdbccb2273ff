import type { EventEnvelope } from '@huishang/schema';
import { describe, expect, it } from 'vitest';
import { huzhou, startNanxunAndHuzhou } from './nanxun-huzhou.js';

const subgraph = await startNanxunAndHuzhou('members_people');
const { gql, outbox } = subgraph;

const create = `mutation($input: CreateMemberInput!) {
  createMember(input: $input) { id name version person { id name birthYear } }
}`;
const personQuery = `query($id: ID!) {
  person(id: $id) { name birthYear ethnicity version region { code }
    memberships { region { code } term name sector } }
}`;

/** Hands the Nanxun outbox, oldest first, to Huzhou's replicas. */
async function replicateNanxun() {
  for (const row of await outbox('330503'))
    await subgraph.replicate('330500', row.envelope as EventEnvelope);
}

const nanxunMember = (name: string, extra: Record<string, unknown> = {}) =>
  gql(create, {
    input: { region: '330503', name, sector: '经济界', party: 'CNDCA', term: 12, ...extra },
  });

let shen = { memberId: '', personId: '' };

describe('people and memberships', () => {
  it('registers a new person with a Nanxun membership', async () => {
    const created = await nanxunMember('沈丽华', {
      gender: 'FEMALE',
      birthYear: 1972,
      ethnicity: '汉族',
      sector: '农业界',
      party: 'CDL',
    });
    expect(created.errors).toBeUndefined();
    expect(created.data.createMember).toMatchObject({
      name: '沈丽华',
      person: { name: '沈丽华', birthYear: 1972 },
    });
    shen = {
      memberId: created.data.createMember.id,
      personId: created.data.createMember.person.id,
    };
    const [row] = await outbox('330503');
    expect(row?.envelope.payload).toMatchObject({
      snapshot: {
        personId: shen.personId,
        person: { id: shen.personId, region: '330503', birthYear: 1972, version: 1 },
        groups: [],
      },
    });
  });

  it('gives the same person a Huzhou membership: one person, two levels', async () => {
    await replicateNanxun();
    const huzhouMembership = await gql(
      create,
      {
        input: {
          region: '330500',
          personId: shen.personId,
          sector: '农业和农村界',
          party: 'CDL',
          term: 9,
        },
      },
      huzhou,
    );
    expect(huzhouMembership.errors).toBeUndefined();
    expect(huzhouMembership.data.createMember.name).toBe('沈丽华');

    const person = await gql(personQuery, { id: shen.personId }, huzhou);
    expect(person.errors).toBeUndefined();
    expect(person.data.person).toMatchObject({ name: '沈丽华', region: { code: '330503' } });
    expect(person.data.person.memberships).toEqual([
      { region: { code: '330503' }, term: 12, name: '沈丽华', sector: '农业界' },
      { region: { code: '330500' }, term: 9, name: '沈丽华', sector: '农业和农村界' },
    ]);
    // Nanxun's node knows only its own membership.
    const atNanxun = await gql(personQuery, { id: shen.personId });
    expect(atNanxun.data.person.memberships).toHaveLength(1);
  });

  it('finds people by name in a region’s subtree, as staff do before adding a membership', async () => {
    const found = await gql(
      `{ people(region: "330500", name: "沈") { name memberships { region { code } } } }`,
      {},
      huzhou,
    );
    expect(found.data.people).toEqual([
      {
        name: '沈丽华',
        memberships: [{ region: { code: '330503' } }, { region: { code: '330500' } }],
      },
    ]);
    const nanxun = await gql(`{ people(region: "330503", name: "丽华") { name } }`);
    expect(nanxun.data.people).toEqual([{ name: '沈丽华' }]);
    const nobody = await gql(`{ people(region: "330503", name: "王") { name } }`);
    expect(nobody.data.people).toEqual([]);
  });

  it('refuses a second membership of one committee in one term, and a person given twice', async () => {
    const twice = await gql(
      create,
      {
        input: {
          region: '330500',
          personId: shen.personId,
          sector: '经济界',
          party: 'CDL',
          term: 9,
        },
      },
      huzhou,
    );
    expect(twice.errors[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'MEMBERS_DUPLICATE_MEMBERSHIP',
    });
    const both = await nanxunMember('沈丽华', { personId: shen.personId });
    expect(both.errors[0].extensions.reason).toBe('MEMBERS_PERSON_AMBIGUOUS');
    const neither = await gql(create, {
      input: { region: '330503', sector: '经济界', party: 'CPC', term: 12 },
    });
    expect(neither.errors[0].extensions.reason).toBe('MEMBERS_PERSON_AMBIGUOUS');
    const young = await nanxunMember('王小明', { birthYear: 2015 });
    expect(young.errors[0].extensions.reason).toBe('MEMBERS_INVALID_BIRTH_YEAR');
    const huzhouMembers = await gql(`{ members(region: "330500") { totalCount } }`, {}, huzhou);
    expect(huzhouMembers.data.members.totalCount).toBe(1);
    expect(await outbox('330503')).toHaveLength(1);
  });

  it('lets only the registering region change a person, and carries the change up', async () => {
    const update = `mutation($id: ID!, $input: UpdatePersonInput!) {
      updatePerson(id: $id, input: $input) { name version } }`;
    const elsewhere = await gql(update, { id: shen.personId, input: { name: '沈莉华' } }, huzhou);
    expect(elsewhere.errors[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'MEMBERS_PERSON_OWNED_ELSEWHERE',
    });
    const renamed = await gql(update, { id: shen.personId, input: { name: '沈莉华' } });
    expect(renamed.data.updatePerson).toEqual({ name: '沈莉华', version: 2 });
    const rows = await outbox('330503');
    expect(rows).toHaveLength(2);
    expect(rows[1]?.envelope).toMatchObject({
      type: 'member.updated',
      aggregate: { id: shen.memberId, version: 2 },
      payload: { snapshot: { name: '沈莉华', person: { name: '沈莉华', version: 2 } } },
    });
    await subgraph.replicate('330500', rows[1]?.envelope as EventEnvelope);
    const person = await gql(personQuery, { id: shen.personId }, huzhou);
    expect(person.data.person.memberships.map((m: { name: string }) => m.name)).toEqual([
      '沈莉华',
      '沈莉华',
    ]);
  });

  it('renames through a membership only where the person was registered', async () => {
    const update = `mutation($id: ID!, $input: UpdateMemberInput!) {
      updateMember(id: $id, input: $input) { name version person { name version } } }`;
    const { members } = (
      await gql(`{ members(region: "330500") { edges { node { id } } } }`, {}, huzhou)
    ).data;
    const atHuzhou = await gql(
      update,
      { id: members.edges[0].node.id, input: { name: '沈丽华' } },
      huzhou,
    );
    expect(atHuzhou.errors[0].extensions.reason).toBe('MEMBERS_PERSON_OWNED_ELSEWHERE');
    const sectorOnly = await gql(
      update,
      { id: members.edges[0].node.id, input: { sector: '经济界' } },
      huzhou,
    );
    expect(sectorOnly.data.updateMember).toMatchObject({ name: '沈莉华', version: 2 });

    const atNanxun = await gql(update, { id: shen.memberId, input: { name: '沈丽华' } });
    expect(atNanxun.data.updateMember).toEqual({
      name: '沈丽华',
      version: 3,
      person: { name: '沈丽华', version: 3 },
    });
    const last = (await outbox('330503')).at(-1);
    expect(last?.envelope).toMatchObject({
      aggregate: { id: shen.memberId, version: 3 },
      payload: { snapshot: { name: '沈丽华', person: { version: 3 } } },
    });
  });
});

const studioFields = `id name online version place { name } region { code } members { name }`;
const createStudio = `mutation($region: ID!, $input: StudioInput!) {
  createStudio(region: $region, input: $input) { ${studioFields} } }`;
const updateStudio = `mutation($id: ID!, $v: Int, $input: StudioInput!) {
  updateStudio(id: $id, expectedVersion: $v, input: $input) { ${studioFields} } }`;
const createGroup = `mutation($region: ID!, $input: DutyGroupInput!) {
  createDutyGroup(region: $region, input: $input) { id name town { name } members { name } } }`;

describe('studios and duty groups', () => {
  let qian = '';
  let studioId = '';

  it('creates a studio whose members carry it in their snapshots', async () => {
    qian = (await nanxunMember('钱志明')).data.createMember.id;
    const before = (await outbox('330503')).length;
    const created = await gql(createStudio, {
      region: '330503',
      input: {
        name: '善琏湖笔委员工作室',
        place: '330503103203',
        online: true,
        memberIds: [shen.memberId, qian],
      },
    });
    expect(created.errors).toBeUndefined();
    expect(created.data.createStudio).toMatchObject({
      name: '善琏湖笔委员工作室',
      online: true,
      place: { name: '善琏村委会' },
      version: 1,
    });
    studioId = created.data.createStudio.id;
    const rows = (await outbox('330503')).slice(before);
    expect(rows.map((r) => r.envelope.type)).toEqual(['member.updated', 'member.updated']);
    for (const row of rows)
      expect(row.envelope.payload).toMatchObject({
        snapshot: { groups: [{ id: studioId, kind: 'STUDIO', name: '善琏湖笔委员工作室' }] },
      });
  });

  it('keeps the studio at Huzhou from the members’ snapshots, and follows a change', async () => {
    await replicateNanxun();
    const changed = await gql(updateStudio, {
      id: studioId,
      v: 1,
      input: {
        name: '善琏湖笔文化委员工作室',
        place: '330503103',
        online: true,
        memberIds: [qian],
      },
    });
    expect(changed.data.updateStudio).toMatchObject({ version: 2, members: [{ name: '钱志明' }] });
    await replicateNanxun();
    const atHuzhou = await gql(`{ studios(region: "330503") { ${studioFields} } }`, {}, huzhou);
    expect(atHuzhou.data.studios).toEqual([
      {
        id: studioId,
        name: '善琏湖笔文化委员工作室',
        online: true,
        version: 2,
        place: { name: '善琏镇' },
        region: { code: '330503' },
        members: [{ name: '钱志明' }],
      },
    ]);
    const shenStudios = await gql(
      `query($id: ID!) { member(id: $id) { studios { id } } }`,
      { id: shen.memberId },
      huzhou,
    );
    expect(shenStudios.data.member.studios).toEqual([]);
  });

  it('creates a town’s duty group', async () => {
    const created = await gql(createGroup, {
      region: '330503',
      input: { name: '练市镇委员履职小组', town: '330503102', memberIds: [shen.memberId, qian] },
    });
    expect(created.data.createDutyGroup).toMatchObject({
      town: { name: '练市镇' },
      members: [{ name: '沈丽华' }, { name: '钱志明' }],
    });
  });

  it('refuses a place outside the region, a village as a town, or another committee’s member', async () => {
    const outbox0 = (await outbox('330503')).length;
    const outside = await gql(createStudio, {
      region: '330503',
      input: { name: '吴兴委员工作室', place: '330502001', memberIds: [] },
    });
    expect(outside.errors[0].extensions.reason).toBe('MEMBERS_PLACE_OUTSIDE_REGION');
    const village = await gql(createGroup, {
      region: '330503',
      input: { name: '善琏村履职小组', town: '330503103203', memberIds: [] },
    });
    expect(village.errors[0].extensions.reason).toBe('MEMBERS_PLACE_OUTSIDE_REGION');
    const huzhouMember = (
      await gql(`{ members(region: "330500") { edges { node { id } } } }`, {}, huzhou)
    ).data.members.edges[0].node.id;
    const stranger = await gql(createGroup, {
      region: '330503',
      input: { name: '双林镇委员履职小组', town: '330503101', memberIds: [qian, huzhouMember] },
    });
    expect(stranger.errors[0].extensions.reason).toBe('MEMBERS_MEMBER_OUTSIDE_COMMITTEE');
    const groups = await gql(`{ dutyGroups(region: "330503") { name } }`);
    expect(groups.data.dutyGroups).toEqual([{ name: '练市镇委员履职小组' }]);
    expect(await outbox('330503')).toHaveLength(outbox0);
  });
});

describe('lists of members', () => {
  it('read studios, duty groups and scores of a whole page with one query each', async () => {
    subgraph.statements.length = 0;
    const listed = await gql(`{ members(region: "330503", first: 20) { edges { node {
      name studios { name } dutyGroups { name } dutyScore { total } } } } }`);
    expect(listed.errors).toBeUndefined();
    expect(listed.data.members.edges).toHaveLength(2);
    expect(listed.data.members.edges).toContainEqual({
      node: {
        name: '钱志明',
        studios: [{ name: '善琏湖笔文化委员工作室' }],
        dutyGroups: [{ name: '练市镇委员履职小组' }],
        dutyScore: { total: 0 },
      },
    });
    expect(subgraph.selectsFrom('member_group_member')).toBe(1);
    expect(subgraph.selectsFrom('duty_record')).toBe(1);
    expect(subgraph.selectsFrom('duty_weights')).toBe(1);
  });
});

describe('one village, one member (一村一委员)', () => {
  const coverage = `query($region: ID!) { villageCoverage(region: $region) {
    total covered uncovered { code } byTown { town { name } total covered } } }`;

  it('counts a county’s villages with a member and lists those without', async () => {
    await nanxunMember('姚国强', { linkedVillages: ['330503108200', '330503108201'] });
    await nanxunMember('周敏', { linkedVillages: ['330503108201', '330503103210'] });
    const county = await gql(coverage, { region: '330503' });
    expect(county.errors).toBeUndefined();
    expect(county.data.villageCoverage).toMatchObject({ total: 261, covered: 3 });
    expect(county.data.villageCoverage.uncovered).toHaveLength(258);
    expect(county.data.villageCoverage.byTown).toContainEqual({
      town: { name: '石淙镇' },
      total: 8,
      covered: 2,
    });
    const town = await gql(coverage, { region: '330503108' });
    expect(town.data.villageCoverage.uncovered.map((v: { code: string }) => v.code)).toEqual([
      '330503108001',
      '330503108202',
      '330503108203',
      '330503108204',
      '330503108205',
      '330503108206',
    ]);
  });

  it('refuses a city, whose villages are its counties’ business', async () => {
    const city = await gql(coverage, { region: '330500' }, huzhou);
    expect(city.errors[0].extensions.reason).toBe('MEMBERS_COVERAGE_LEVEL');
  });
});

describe('duty records at an upper node', () => {
  it('are not kept for a county’s members: null fields, a refused ranking', async () => {
    const read = await gql(
      `query($id: ID!) { member(id: $id) { name dutyRecord { kind } dutyScore { total } } }`,
      { id: shen.memberId },
      huzhou,
    );
    expect(read.errors).toBeUndefined();
    expect(read.data.member).toEqual({ name: '沈丽华', dutyRecord: null, dutyScore: null });
    const ranking = await gql(
      `{ dutyRanking(region: "330503", term: 12) { totalCount } }`,
      {},
      huzhou,
    );
    expect(ranking.errors[0].extensions.reason).toBe('MEMBERS_DUTY_KEPT_ELSEWHERE');
    const own = await gql(`{ dutyRanking(region: "330500", term: 9) { totalCount } }`, {}, huzhou);
    expect(own.data.dutyRanking.totalCount).toBe(1);
  });
});
