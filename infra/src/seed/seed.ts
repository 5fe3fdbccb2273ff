import { inDays } from '@huishang/subgraph-kit/testing';
import type { GraphqlClient } from '../graphql-client.js';
import type { HostedGateway } from '../node-host.js';
import { clientAs } from './admin-client.js';
import { type DemoCommittee, type DemoProposal, demoCommittees } from './demo-data.js';
import { seedDeqingCrossTerm } from './deqing-cross-term.js';
import { seedJinhuaOpinions } from './jinhua-opinions.js';
import { seedMemberRoster } from './member-roster.js';
import { seedPinghu2020 } from './pinghu-2020.js';
import { seedWenzhouYear } from './wenzhou-year.js';

const stageOrder: DemoProposal['stage'][] = [
  'SUBMITTED',
  'REGISTERED',
  'ASSIGNED',
  'REPLIED',
  'EVALUATED',
];
const reached = (proposal: DemoProposal, stage: DemoProposal['stage']) =>
  stageOrder.indexOf(proposal.stage) >= stageOrder.indexOf(stage);

/** One call of a mutation in a `mutateEach` request: its arguments by name. */
type Call = Record<string, unknown>;

/**
 * Several calls of one mutation in one request, aliased `m0`, `m1`, …: GraphQL runs a
 * document's mutation fields one after another, each its own transaction and event as if
 * sent apart, so a committee's members (or a step of all its proposals) take one round
 * trip through the gateway instead of one each. `args` names each argument's type;
 * returns each call's selection, in order.
 */
export async function mutateEach<T>(
  api: GraphqlClient,
  field: string,
  args: Record<string, string>,
  selection: string,
  calls: Call[],
): Promise<T[]> {
  if (calls.length === 0) return [];
  const names = Object.keys(args);
  const declarations = calls.flatMap((_, i) => names.map((n) => `$${n}${i}: ${args[n]}`));
  const fields = calls.map(
    (_, i) => `m${i}: ${field}(${names.map((n) => `${n}: $${n}${i}`).join(', ')}) { ${selection} }`,
  );
  const variables = Object.fromEntries(
    calls.flatMap((call, i) => names.map((n) => [`${n}${i}`, call[n]])),
  );
  const data = await api.request<Record<string, T>>(
    `mutation(${declarations.join(', ')}) { ${fields.join(' ')} }`,
    variables,
  );
  return calls.map((_, i) => data[`m${i}`] as T);
}

/**
 * A committee's live proposals along the staff's path, a step for all of them at once:
 * submitted, then signed in, pre-reviewed and registered, assigned, answered and
 * published, evaluated, each proposal as far as its stage.
 */
async function seedProposals(
  api: GraphqlClient,
  committee: DemoCommittee,
  memberIds: string[],
  proposals: DemoProposal[],
  now: Date,
) {
  const submitted = await mutateEach<{ id: string }>(
    api,
    'submitProposal',
    { input: 'SubmitProposalInput!' },
    'id',
    proposals.map((p) => {
      const [lead, ...co] = p.proposers.map((i) => memberIds[i]);
      return {
        input: {
          region: committee.region,
          term: committee.term,
          session: 3,
          title: p.title,
          body: p.body,
          keywords: p.keywords,
          category: p.category,
          proposerId: lead,
          coProposerIds: co,
          suggestions: p.suggestions,
        },
      };
    }),
  );
  const live = proposals.map((p, i) => ({ p, id: (submitted[i] as { id: string }).id }));
  const at = (stage: DemoProposal['stage']) =>
    live.filter(({ p }) => reached(p, stage) && (stage === 'REGISTERED' || p.units));
  const step = (field: string, stage: DemoProposal['stage']) =>
    mutateEach(
      api,
      field,
      { id: 'ID!' },
      'id',
      at(stage).map(({ id }) => ({ id })),
    );
  for (const field of ['signInProposal', 'preReviewProposal', 'registerProposal'])
    await step(field, 'REGISTERED');
  await mutateEach(
    api,
    'assignProposal',
    { id: 'ID!', units: '[HandlingUnitInput!]!', deadline: 'String!' },
    'id',
    at('ASSIGNED').map(({ p, id }) => ({
      id,
      units: p.units,
      deadline: inDays(Math.max(p.deadlineInDays ?? 30, 1), now),
    })),
  );
  await mutateEach(
    api,
    'replyToProposal',
    { id: 'ID!', unit: 'String!', items: '[ItemReplyInput!]!' },
    'id',
    at('REPLIED').map(({ p, id }) => ({
      id,
      unit: p.units?.find((u) => u.role === 'LEAD')?.name,
      items: p.suggestions.map((_, i) => ({
        suggestionSeq: i + 1,
        outcome: i === p.suggestions.length - 1 ? 'PARTLY_ADOPTED' : 'ADOPTED',
        text: '已纳入年度重点工作，相关措施正在落实。',
      })),
    })),
  );
  // 政协提案我参与: answered proposals are published, with the proposers' consent, for the public
  await step('publishProposal', 'REPLIED');
  await mutateEach(
    api,
    'evaluateProposal',
    { id: 'ID!', by: 'EvaluationParty!', rating: 'Satisfaction!', comment: 'String' },
    'id',
    at('EVALUATED').map(({ id }) => ({
      id,
      by: 'PROPOSER',
      rating: 'SATISFIED',
      comment: '办理认真，答复具体',
    })),
  );
}

/** A consultation's topic, proposed and approved by the chair's meeting into its year's plan. */
async function approvedTopic(
  api: GraphqlClient,
  region: string,
  c: DemoCommittee['consultations'][number],
): Promise<string> {
  const { proposeTopic } = await api.request<{ proposeTopic: { id: string } }>(
    `mutation($input: ProposeTopicInput!) { proposeTopic(input: $input) { id } }`,
    { input: { region, title: c.title, source: c.topicSource } },
  );
  await api.request(
    `mutation($id: ID!, $input: ApproveTopicInput!) { approveTopic(id: $id, input: $input) { id } }`,
    {
      id: proposeTopic.id,
      input: {
        meeting: '主席会议',
        planYear: Number(c.heldOn.slice(0, 4)),
        platform: c.platform,
        lead: c.platform === 'PLEASE_COME_AND_CONSULT' ? 'LEADERS' : null,
      },
    },
  );
  return proposeTopic.id;
}

/**
 * A committee through the same mutations as its staff (a step of many records in one
 * request, see `mutateEach`). Returns its members' ids, in the order of `committee.members`.
 */
export async function seedCommittee(
  api: GraphqlClient,
  committee: DemoCommittee,
  now: Date,
): Promise<string[]> {
  const memberIds = (
    await mutateEach<{ id: string }>(
      api,
      'createMember',
      { input: 'CreateMemberInput!' },
      'id',
      committee.members.map((member) => ({
        input: { region: committee.region, term: committee.term, ...member },
      })),
    )
  ).map((m) => m.id);
  // the directory first (parents before their units, in one request run in order): once it
  // has units, proposals are assigned only to them
  await mutateEach(
    api,
    'defineHandlingUnit',
    { input: 'DefineHandlingUnitInput!' },
    'id',
    (committee.handlingUnits ?? []).map((unit) => ({
      input: { region: committee.region, ...unit },
    })),
  );
  await seedProposals(api, committee, memberIds, committee.proposals, now);

  for (const c of committee.consultations) {
    const topicId = await approvedTopic(api, committee.region, c);
    const { createConsultation } = await api.request<{ createConsultation: { id: string } }>(
      `mutation($input: CreateConsultationInput!) { createConsultation(input: $input) { id } }`,
      {
        input: {
          region: committee.region,
          topicId,
          title: c.title,
          description: c.description,
          venue: c.venue,
          venueName: c.venueName,
          heldOn: c.heldOn,
        },
      },
    );
    const consultationId = createConsultation.id;
    const participants = c.participants.map(({ member, ...rest }) =>
      member === undefined
        ? { ...rest, attended: true }
        : {
            ...rest,
            memberId: memberIds[member],
            name: committee.members[member]?.name,
            attended: true,
          },
    );
    await api.request(
      `mutation($id: ID!, $participants: [ParticipantInput!]!) { addParticipants(consultationId: $id, participants: $participants) { id } }`,
      { id: consultationId, participants },
    );
    const { recordSuggestions } = await api.request<{
      recordSuggestions: { suggestions: { id: string }[] };
    }>(
      `mutation($id: ID!, $suggestions: [SuggestionInput!]!) { recordSuggestions(consultationId: $id, suggestions: $suggestions) { suggestions { id } } }`,
      { id: consultationId, suggestions: c.suggestions.map((text) => ({ text })) },
    );
    await mutateEach(
      api,
      'setSuggestionAdoption',
      { suggestionId: 'ID!', adoption: 'Adoption!' },
      'id',
      recordSuggestions.suggestions.map((suggestion, i) => ({
        suggestionId: suggestion.id,
        adoption: i < c.adopted ? 'ADOPTED' : 'PARTLY_ADOPTED',
      })),
    );
  }

  for (const s of committee.jointSessions) {
    await api.request(
      `mutation($input: CreateJointSessionInput!) { createJointSession(input: $input) { id } }`,
      {
        input: { region: committee.region, ...s },
      },
    );
  }
  await mutateEach(
    api,
    'createSupervisionTask',
    { input: 'CreateSupervisionTaskInput!' },
    'id',
    committee.supervisionTasks.map((t) => ({
      input: {
        region: committee.region,
        title: t.title,
        source: t.source,
        committee: t.committee,
        deadline: inDays(t.deadlineInDays, now),
      },
    })),
  );
  await mutateEach(
    api,
    'submitOpinionItem',
    { input: 'SubmitOpinionItemInput!' },
    'id',
    committee.opinionItems.map((o) => ({
      input: {
        region: committee.region,
        title: o.title,
        body: o.body,
        category: o.category,
        place: o.place,
        submitterId: memberIds[o.submitter],
      },
    })),
  );
  return memberIds;
}

/**
 * Seeds each demo committee through its own node's gateway, as that committee's staff, so
 * the data takes the same validated path as any user's. A committee that already has
 * members is left as it is, so restarting the demo does not duplicate anything.
 */
export async function seedDemo(
  gatewayUrl: string,
  gateway: HostedGateway,
  now = new Date(),
): Promise<string[]> {
  const seeded: string[] = [];
  for (const committee of demoCommittees.filter((c) => gateway.nodes.includes(c.region))) {
    const api = await clientAs(gatewayUrl, gateway, {
      subject: `seed-${committee.region}`,
      region: committee.region,
      roles: ['staff'],
    });
    const { members } = await api.request<{ members: { totalCount: number } }>(
      `query($region: ID!) { members(region: $region, first: 1) { totalCount } }`,
      { region: committee.region },
    );
    if (members.totalCount > 0) continue;
    await seedCommittee(api, committee, now);
    seeded.push(committee.region);
  }
  return seeded;
}

/**
 * The seeds' own figures, imported as history from each committee's earlier system, so the
 * consolidated statistics can be checked against them. Each seed skips a node that does not
 * host its region or already holds its records. Needs the bus: the roster's people who sit
 * on two levels reach the upper node as replicas.
 */
export async function seedFigures(gatewayUrl: string, gateway: HostedGateway): Promise<string[]> {
  // The roster first and alone: its people on two levels wait for their replicas, and its
  // createMember transactions (5 s) overran beside the imports on a loaded machine.
  const roster = await seedMemberRoster(gatewayUrl, gateway);
  // The imports side by side (each reads only its own committees' members): one process's
  // core is then kept busy while PostgreSQL commits another import's transaction.
  const [deqing, wenzhou, pinghu, jinhua] = await Promise.all([
    seedDeqingCrossTerm(gatewayUrl, gateway),
    seedWenzhouYear(gatewayUrl, gateway),
    seedPinghu2020(gatewayUrl, gateway),
    seedJinhuaOpinions(gatewayUrl, gateway),
  ]);
  return [
    ...(roster.size > 0 ? ['南浔/湖州 member roster'] : []),
    ...(deqing ? ['德清 previous term (649 proposals)'] : []),
    ...(wenzhou ? ['温州 proposal year'] : []),
    ...(pinghu ? ['平湖 2020 consultations'] : []),
    ...(jinhua.length > 0 ? [`金华 opinion items (${jinhua.join(', ')})`] : []),
  ];
}
