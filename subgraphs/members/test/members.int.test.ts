import { describe, expect, it } from 'vitest';
import { startNanxunAndHuzhou } from './nanxun-huzhou.js';

const subgraph = await startNanxunAndHuzhou();
const { gql, statements } = subgraph;

const create = `mutation($input: CreateMemberInput!) { createMember(input: $input) { id name sector party roles version region { code } } }`;

describe('members subgraph', () => {
  it('adds a member to its own committee and lists it', async () => {
    const created = await gql(create, {
      input: {
        region: '330503',
        name: '沈丽华',
        sector: '农业界',
        party: 'CDL',
        term: 12,
        roles: ['STANDING_MEMBER'],
      },
    });
    expect(created.errors).toBeUndefined();
    expect(created.data.createMember).toMatchObject({
      name: '沈丽华',
      party: 'CDL',
      roles: ['MEMBER', 'STANDING_MEMBER'],
      version: 1,
      region: { code: '330503' },
    });
    const listed = await gql(
      `{ members(region: "330503", first: 5) { totalCount edges { node { name } } } }`,
    );
    expect(listed.data.members.totalCount).toBe(1);
  });

  it('refuses a write to another region and writes nothing', async () => {
    const refused = await gql(create, {
      input: { region: '330500', name: '王建国', sector: '经济界', party: 'CPC', term: 9 },
    });
    expect(refused.errors[0].extensions.code).toBe('FORBIDDEN');
    const listed = await gql(
      `{ members(region: "330500") { totalCount } }`,
      {},
      { region: '330500' },
    );
    expect(listed.data.members.totalCount).toBe(0);
  });

  it('answers an unknown region code with BAD_USER_INPUT', async () => {
    const result = await gql(`{ region(code: "339999") { name } }`);
    expect(result.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(result.data?.region ?? null).toBeNull();
  });

  it('resolves a batch of member references with one database query', async () => {
    const ids: string[] = [];
    for (const name of ['钱志明', '孙晓燕', '李伟', '周敏']) {
      const created = await gql(create, {
        input: { region: '330503', name, sector: '经济界', party: 'CNDCA', term: 12 },
      });
      ids.push(created.data.createMember.id);
    }
    statements.length = 0;
    const result = await gql(
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Member { id name } } }`,
      { reps: ids.map((id) => ({ __typename: 'Member', id })) },
    );
    expect(result.data._entities.map((m: { name: string }) => m.name)).toEqual([
      '钱志明',
      '孙晓燕',
      '李伟',
      '周敏',
    ]);
    expect(statements.filter((s) => /select/i.test(s))).toHaveLength(1);
  });

  it('counts the members of a batch of 民情指数 with one database query', async () => {
    statements.length = 0;
    const result = await gql(
      `query($reps: [_Any!]!) { _entities(representations: $reps) {
        ... on OpinionIndex { region subtree memberCount memberCoverage } } }`,
      {
        reps: [
          { __typename: 'OpinionIndex', region: '330503', subtree: false, submitters: 2 },
          { __typename: 'OpinionIndex', region: '330503', subtree: true, submitters: 5 },
        ],
      },
    );
    expect(result.data._entities).toEqual([
      { region: '330503', subtree: false, memberCount: 5, memberCoverage: 0.4 },
      { region: '330503', subtree: true, memberCount: 5, memberCoverage: 1 },
    ]);
    expect(statements.filter((s) => /select/i.test(s))).toHaveLength(1);
  });
});
