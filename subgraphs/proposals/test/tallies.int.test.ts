import { randomUUID } from 'node:crypto';
import { type RawSql, schemaName } from '@huishang/subgraph-kit';
import { inDays, startTestSubgraph } from '@huishang/subgraph-kit/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { proposalsSubgraph } from '../src/index.js';

// Nanxun 330503 writes its own proposals; Huzhou 330500 keeps replicas of them. The
// tallies of migrations 0004, 0006 and 0012 must equal a fresh count of the rows after every kind of write.
const subgraph = await startTestSubgraph(proposalsSubgraph, {
  regions: ['330503', '330500'],
  label: 'proposals_tallies',
});
afterAll(() => subgraph.close());
const { gql, outbox } = subgraph;

const dbOf = (region: string) => subgraph.db(region) as unknown as RawSql;

/** The tallies beside the same figures counted afresh from the rows. */
async function talliesAndCounts(region: string) {
  const schema = schemaName('proposals', region);
  const db = dbOf(region);
  const handled = 'assigned_at IS NOT NULL AND replied_at IS NOT NULL';
  const read = (sql: string) => db.$queryRawUnsafe<Record<string, unknown>[]>(sql);
  const [
    statuses,
    statusesCounted,
    categories,
    categoriesCounted,
    outcomes,
    outcomesCounted,
    deadlines,
    deadlinesCounted,
    ratings,
    ratingsCounted,
    months,
    monthsCounted,
    monthRatings,
    monthRatingsCounted,
  ] = await Promise.all([
    read(`SELECT region, status::text, count, handled_count, handled_ms::text
            FROM "${schema}".proposal_status_tally ORDER BY 1, 2`),
    read(`SELECT region, status::text, count(*)::int AS count,
                 (count(*) FILTER (WHERE ${handled}))::int AS handled_count,
                 coalesce(sum(round(extract(epoch FROM replied_at - assigned_at) * 1000))
                   FILTER (WHERE ${handled}), 0)::bigint::text AS handled_ms
            FROM "${schema}".proposal GROUP BY 1, 2 ORDER BY 1, 2`),
    read(`SELECT region, category::text, count FROM "${schema}".proposal_category_tally
           ORDER BY 1, 2`),
    read(`SELECT region, category::text, count(*)::int AS count FROM "${schema}".proposal
           GROUP BY 1, 2 ORDER BY 1, 2`),
    read(`SELECT region, outcome::text, count FROM "${schema}".proposal_outcome_tally
           ORDER BY 1, 2`),
    read(`SELECT region, cross_term_outcome::text AS outcome, count(*)::int AS count
            FROM "${schema}".proposal WHERE cross_term_outcome IS NOT NULL
           GROUP BY 1, 2 ORDER BY 1, 2`),
    read(`SELECT region, status::text, deadline::text, yellow_from::text, count
            FROM "${schema}".proposal_deadline_tally ORDER BY 1, 2, 3, 4`),
    read(`SELECT region, status::text, deadline::text, yellow_from::text, count(*)::int AS count
            FROM "${schema}".proposal
           WHERE deadline IS NOT NULL AND status IN ('ASSIGNED', 'SECOND_ROUND')
           GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`),
    read(`SELECT region, rating::text, count FROM "${schema}".proposal_rating_tally
           WHERE count <> 0 ORDER BY 1, 2`),
    read(`SELECT p.region, e.rating::text, count(*)::int AS count
            FROM "${schema}".proposal_evaluation e JOIN "${schema}".proposal p ON p.id = e.proposal_id
           WHERE e.by = 'PROPOSER' GROUP BY 1, 2 ORDER BY 1, 2`),
    // 0012's, per term and month submitted in Beijing; deadlines only under handling
    read(`SELECT region, term, month::text, status::text, category::text, outcome::text,
                 deadline::text, yellow_from::text, count, handled_count, handled_ms::text
            FROM "${schema}".proposal_month_tally ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`),
    read(`SELECT region, term, month, status, category, outcome, deadline, yellow_from,
                 count(*)::int AS count, (count(*) FILTER (WHERE ${handled}))::int AS handled_count,
                 coalesce(sum(round(extract(epoch FROM replied_at - assigned_at) * 1000))
                   FILTER (WHERE ${handled}), 0)::bigint::text AS handled_ms
            FROM (SELECT p.region, p.term, p.assigned_at, p.replied_at, date_trunc('month', (p.submitted_at AT TIME ZONE 'UTC') + interval '8 hours')::date::text AS month,
                         p.status::text AS status, p.category::text AS category,
                         p.cross_term_outcome::text AS outcome,
                         CASE WHEN p.status IN ('ASSIGNED', 'SECOND_ROUND') THEN p.deadline::text END AS deadline,
                         CASE WHEN p.status IN ('ASSIGNED', 'SECOND_ROUND') THEN p.yellow_from::text END AS yellow_from
                    FROM "${schema}".proposal p) p
           GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`),
    read(`SELECT region, term, month::text, rating::text, count
            FROM "${schema}".proposal_month_rating_tally ORDER BY 1, 2, 3, 4`),
    read(`SELECT p.region, p.term, date_trunc('month', (p.submitted_at AT TIME ZONE 'UTC') + interval '8 hours')::date::text AS month, e.rating::text, count(*)::int AS count
            FROM "${schema}".proposal_evaluation e JOIN "${schema}".proposal p ON p.id = e.proposal_id
           WHERE e.by = 'PROPOSER' GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`),
  ]);
  return {
    tallies: { statuses, categories, outcomes, deadlines, ratings, months, monthRatings },
    counted: {
      statuses: statusesCounted,
      categories: categoriesCounted,
      outcomes: outcomesCounted,
      deadlines: deadlinesCounted,
      ratings: ratingsCounted,
      months: monthsCounted,
      monthRatings: monthRatingsCounted,
    },
  };
}

async function expectTalliesEqualCounts(region: string) {
  const { tallies, counted } = await talliesAndCounts(region);
  expect(tallies).toEqual(counted);
  return counted;
}

const submit = 'mutation($input: SubmitProposalInput!) { submitProposal(input: $input) { id } }';
const step = (name: string, args = '') =>
  `mutation($id: ID!${args}) { ${name}(id: $id${args.replace(/\$(\w+): [^,]+/g, '$1: $$$1')}) { id status } }`;
const lead = '南浔区住房和城乡建设局';
const input = (n: number, category: string) => ({
  region: '330503',
  term: 10,
  session: 3,
  title: `关于南浔区第${n}批老旧小区改造的建议`,
  body: '老旧小区设施老化，加装电梯、停车等问题群众反映强烈，建议统筹推进改造。',
  keywords: ['老旧小区'],
  category,
  proposerId: randomUUID(),
  suggestions: ['制定老旧小区改造三年计划', '设立加装电梯专项补助'],
});

async function ok(query: string, variables: Record<string, unknown>) {
  const result = await gql(query, variables);
  expect(result.errors).toBeUndefined();
  return Object.values(result.data)[0] as { id: string; status: string };
}

/** Submits, reviews, registers, assigns, replies and rates a proposal, as far as `until`. */
async function proposal(n: number, category: string, until: number) {
  const { id } = await ok(submit, { input: input(n, category) });
  const steps: [string, Record<string, unknown>][] = [
    [step('signInProposal'), {}],
    [step('preReviewProposal'), {}],
    [step('registerProposal'), {}],
    [
      step('assignProposal', ', $units: [HandlingUnitInput!]!, $deadline: String!'),
      { units: [{ name: lead, role: 'LEAD' }], deadline: inDays(20 + n) },
    ],
    [
      step('replyToProposal', ', $unit: String!, $items: [ItemReplyInput!]!'),
      {
        unit: lead,
        items: [1, 2].map((suggestionSeq) => ({
          suggestionSeq,
          outcome: 'ADOPTED',
          text: '已纳入年度改造计划。',
        })),
      },
    ],
    [
      step('evaluateProposal', ', $by: EvaluationParty!, $rating: Satisfaction!'),
      { by: 'PROPOSER', rating: n % 2 ? 'SATISFIED' : 'UNSATISFIED' },
    ],
  ];
  for (const [query, variables] of steps.slice(0, until)) await ok(query, { id, ...variables });
  return id;
}

describe('consolidated tallies', () => {
  it('equal a fresh count after owner writes, replica replacement, batched updates and deletes', async () => {
    // the owner's own writes: inserts, then status changes one version at a time
    const ids = [
      await proposal(1, 'URBAN_RURAL_DEVELOPMENT', 0),
      await proposal(2, 'URBAN_RURAL_DEVELOPMENT', 3),
      await proposal(3, 'ECONOMY', 4),
      await proposal(4, 'ECONOMY', 6),
      await proposal(5, 'GENERAL', 6),
    ];
    const own = await expectTalliesEqualCounts('330503');
    expect(own.statuses.reduce((n, r) => n + Number(r.count), 0)).toBe(5);
    // under handling: the third, assigned, and the fourth, back for a second round after its rating
    expect(own.deadlines.map((r) => r.status)).toEqual(['ASSIGNED', 'SECOND_ROUND']);
    expect(own.ratings).toEqual([
      { region: '330503', rating: 'SATISFIED', count: 1 },
      { region: '330503', rating: 'UNSATISFIED', count: 1 },
    ]);

    // the replica path: every version in turn replaces the record and its child rows
    for (const { envelope } of await outbox('330503')) await subgraph.replicate('330500', envelope);
    const replicas = await expectTalliesEqualCounts('330500');
    expect(replicas).toEqual(own);

    // one statement changing many rows, as a batched apply writes
    const huzhou = dbOf('330500');
    await huzhou.$executeRawUnsafe(
      `UPDATE proposals_330500.proposal SET status = 'SECOND_ROUND', round = 2 WHERE status = 'EVALUATED'`,
    );
    await huzhou.$executeRawUnsafe(
      `UPDATE proposals_330500.proposal SET term = 11, cross_term_outcome = 'CONTINUE', cross_term_sorted_in = 11
        WHERE id = $1::uuid`,
      ids[1],
    );
    await huzhou.$executeRawUnsafe(
      `UPDATE proposals_330500.proposal_evaluation SET rating = 'BASIC' WHERE rating = 'UNSATISFIED'`,
    );
    await expectTalliesEqualCounts('330500');

    // deletes: a proposal with its evaluations (the cascade), an evaluation alone
    await huzhou.$executeRawUnsafe(
      'DELETE FROM proposals_330500.proposal WHERE id = $1::uuid',
      ids[3],
    );
    await huzhou.$executeRawUnsafe(
      `DELETE FROM proposals_330500.proposal_evaluation WHERE proposal_id = $1::uuid`,
      ids[4],
    );
    const afterDeletes = await expectTalliesEqualCounts('330500');
    expect(afterDeletes.ratings).toEqual([]);
    await dbOf('330503').$executeRawUnsafe(
      'DELETE FROM proposals_330503.proposal WHERE id = ANY($1::uuid[])',
      ids,
    );
    expect(await expectTalliesEqualCounts('330503')).toEqual({
      statuses: [],
      categories: [],
      outcomes: [],
      deadlines: [],
      ratings: [],
      months: [],
      monthRatings: [],
    });
  });

  it('answers proposalStatistics and the colour lists alike, colour by colour', async () => {
    const ids = [
      await proposal(6, 'SOCIETY_LAW', 4),
      await proposal(7, 'SOCIETY_LAW', 4),
      await proposal(8, 'ECONOMY', 4),
    ];
    for (const { envelope } of await outbox('330503')) await subgraph.replicate('330500', envelope);
    // at Huzhou: one deadline passed (red), one in two days past its yellow-from day (yellow)
    const huzhou = dbOf('330500');
    const setDeadline = (id: string, deadline: string, yellowFrom: string) =>
      huzhou.$executeRawUnsafe(
        `UPDATE proposals_330500.proposal SET deadline = $2::date, yellow_from = $3::date WHERE id = $1::uuid`,
        id,
        deadline,
        yellowFrom,
      );
    await setDeadline(ids[0] as string, inDays(-1), inDays(-4));
    await setDeadline(ids[1] as string, inDays(2), inDays(-1));
    const caller = { region: '330500' };
    const listed = async (colour: string) => {
      const result = await gql(
        `{ proposalsByColour(region: "330500", includeSubregions: true, colours: [${colour}]) {
             totalCount edges { node { id } } } }`,
        {},
        caller,
      );
      expect(result.errors).toBeUndefined();
      return result.data.proposalsByColour;
    };
    const result = await gql(
      '{ proposalStatistics(region: "330500") { total { byColour { colour count } } } }',
      {},
      caller,
    );
    expect(result.errors).toBeUndefined();
    const byColour = result.data.proposalStatistics.total.byColour as {
      colour: string;
      count: number;
    }[];
    expect(byColour.map((c) => c.colour)).toEqual(['GREEN', 'RED', 'YELLOW']);
    for (const [colour, id] of [
      ['RED', ids[0]],
      ['YELLOW', ids[1]],
      ['GREEN', ids[2]],
    ] as const) {
      const list = await listed(colour);
      expect(list.totalCount).toBe(byColour.find((c) => c.colour === colour)?.count);
      expect(list.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(id);
    }
  });
});
