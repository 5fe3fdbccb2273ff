import type { GatewayConfig } from '@huishang/gateway';
import type { GraphqlClient } from '../graphql-client.js';
import { clientAs } from './admin-client.js';
import { type DemoCommittee, type DemoProposal, demoCommittees } from './demo-data.js';
import { seedDeqingCrossTerm } from './deqing-cross-term.js';
import { seedJinhuaOpinions } from './jinhua-opinions.js';
import { seedMemberRoster } from './member-roster.js';
import { seedPinghu2020 } from './pinghu-2020.js';
import { seedWenzhouYear } from './wenzhou-year.js';

const dayMs = 86_400_000;
const inDays = (days: number, now: Date) =>
  new Date(now.getTime() + days * dayMs).toISOString().slice(0, 10);

const stageOrder: DemoProposal['stage'][] = [
  'SUBMITTED',
  'REGISTERED',
  'ASSIGNED',
  'REPLIED',
  'EVALUATED',
];
const reached = (proposal: DemoProposal, stage: DemoProposal['stage']) =>
  stageOrder.indexOf(proposal.stage) >= stageOrder.indexOf(stage);

async function seedProposal(
  api: GraphqlClient,
  committee: DemoCommittee,
  memberIds: string[],
  p: DemoProposal,
  now: Date,
) {
  const [lead, ...co] = p.proposers.map((i) => memberIds[i]);
  const { submitProposal } = await api.request<{ submitProposal: { id: string } }>(
    `mutation($input: SubmitProposalInput!) { submitProposal(input: $input) { id } }`,
    {
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
    },
  );
  const id = submitProposal.id;
  if (reached(p, 'REGISTERED'))
    for (const step of ['signInProposal', 'preReviewProposal', 'registerProposal'])
      await api.request(`mutation($id: ID!) { ${step}(id: $id) { id } }`, { id });
  if (!reached(p, 'ASSIGNED') || !p.units) return;
  await api.request(
    `mutation($id: ID!, $units: [HandlingUnitInput!]!, $deadline: String!) { assignProposal(id: $id, units: $units, deadline: $deadline) { id } }`,
    { id, units: p.units, deadline: inDays(Math.max(p.deadlineInDays ?? 30, 1), now) },
  );
  if (!reached(p, 'REPLIED')) return;
  const leadUnit = p.units.find((u) => u.role === 'LEAD')?.name;
  await api.request(
    `mutation($id: ID!, $unit: String!, $items: [ItemReplyInput!]!) { replyToProposal(id: $id, unit: $unit, items: $items) { id } }`,
    {
      id,
      unit: leadUnit,
      items: p.suggestions.map((_, i) => ({
        suggestionSeq: i + 1,
        outcome: i === p.suggestions.length - 1 ? 'PARTLY_ADOPTED' : 'ADOPTED',
        text: '已纳入年度重点工作，相关措施正在落实。',
      })),
    },
  );
  // 政协提案我参与: answered proposals are published, with the proposers' consent, for the public
  await api.request(`mutation($id: ID!) { publishProposal(id: $id) { id } }`, { id });
  if (!reached(p, 'EVALUATED')) return;
  await api.request(
    `mutation($id: ID!) { evaluateProposal(id: $id, by: PROPOSER, rating: SATISFIED, comment: "办理认真，答复具体") { id } }`,
    { id },
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

export async function seedCommittee(
  api: GraphqlClient,
  committee: DemoCommittee,
  now: Date,
): Promise<void> {
  const memberIds: string[] = [];
  for (const member of committee.members) {
    const { createMember } = await api.request<{ createMember: { id: string } }>(
      `mutation($input: CreateMemberInput!) { createMember(input: $input) { id } }`,
      { input: { region: committee.region, term: committee.term, ...member } },
    );
    memberIds.push(createMember.id);
  }
  for (const proposal of committee.proposals)
    await seedProposal(api, committee, memberIds, proposal, now);

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
    for (const [i, suggestion] of recordSuggestions.suggestions.entries()) {
      await api.request(
        `mutation($id: ID!, $adoption: Adoption!) { setSuggestionAdoption(suggestionId: $id, adoption: $adoption) { id } }`,
        {
          id: suggestion.id,
          adoption: i < c.adopted ? 'ADOPTED' : 'PARTLY_ADOPTED',
        },
      );
    }
  }

  for (const s of committee.jointSessions) {
    await api.request(
      `mutation($input: CreateJointSessionInput!) { createJointSession(input: $input) { id } }`,
      {
        input: { region: committee.region, ...s },
      },
    );
  }
  for (const t of committee.supervisionTasks) {
    await api.request(
      `mutation($input: CreateSupervisionTaskInput!) { createSupervisionTask(input: $input) { id } }`,
      {
        input: {
          region: committee.region,
          title: t.title,
          source: t.source,
          committee: t.committee,
          deadline: inDays(t.deadlineInDays, now),
        },
      },
    );
  }
  for (const o of committee.opinionItems) {
    await api.request(
      `mutation($input: SubmitOpinionItemInput!) { submitOpinionItem(input: $input) { id } }`,
      {
        input: {
          region: committee.region,
          title: o.title,
          body: o.body,
          category: o.category,
          place: o.place,
          submitterId: memberIds[o.submitter],
        },
      },
    );
  }
}

/**
 * Seeds each demo committee through its own node's gateway, as that committee's staff, so
 * the data takes the same validated path as any user's. A committee that already has
 * members is left as it is, so restarting the demo does not duplicate anything.
 */
export async function seedDemo(
  gatewayUrl: string,
  gateway: GatewayConfig,
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
export async function seedFigures(gatewayUrl: string, gateway: GatewayConfig): Promise<string[]> {
  const seeded: string[] = [];
  if ((await seedMemberRoster(gatewayUrl, gateway)).size > 0)
    seeded.push('南浔/湖州 member roster');
  if (await seedDeqingCrossTerm(gatewayUrl, gateway))
    seeded.push('德清 previous term (649 proposals)');
  if (await seedWenzhouYear(gatewayUrl, gateway)) seeded.push('温州 proposal year');
  if (await seedPinghu2020(gatewayUrl, gateway)) seeded.push('平湖 2020 consultations');
  const jinhua = await seedJinhuaOpinions(gatewayUrl, gateway);
  if (jinhua.length > 0) seeded.push(`金华 opinion items (${jinhua.join(', ')})`);
  return seeded;
}
